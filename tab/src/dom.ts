/**
 * Builds elements from text only: nothing a person typed (a rationale, a comment, an agency name)
 * is ever parsed as HTML, so it is shown verbatim and stays inert.
 */
type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  // Headings can take focus (not by Tab) so a view change can announce itself.
  if (/^h[1-6]$/.test(tag)) element.tabIndex = -1;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

export function replaceContent(target: Element, ...children: Child[]): void {
  target.replaceChildren(...children.filter((c): c is Node | string => c !== undefined && c !== false));
}

const SVG = 'http://www.w3.org/2000/svg';
export function svg(tag: string, attributes: Attributes = {}, ...children: Child[]): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined && value !== false) element.setAttribute(name, String(value));
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

/** "14:05" in London time, for "updated at". */
export function clockTime(date: Date): string {
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
}
