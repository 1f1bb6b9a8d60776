import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGovUkBankHolidays } from '../../../config/loadBankHolidays.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/bank-holidays.json', import.meta.url));

describe('loadGovUkBankHolidays from a file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bank-holidays-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const write = async (name: string, content: string) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };

  it('reads the sample file, all three divisions', async () => {
    const data = await loadGovUkBankHolidays(FIXTURE);
    expect(data['england-and-wales']?.events.map((event) => event.date)).toContain('2026-07-13');
    expect(data.scotland?.events.find((event) => event.date === '2026-01-02')?.title).toBe('2nd January');
    expect(data['northern-ireland']?.events).toHaveLength(10);
  });

  it('accepts a hand-written file with one division and no notes or bunting', async () => {
    const path = await write(
      'one-off.json',
      JSON.stringify({ scotland: { division: 'scotland', events: [{ title: 'One-off', date: '2026-07-13' }] } }),
    );
    expect((await loadGovUkBankHolidays(path)).scotland?.events).toEqual([{ title: 'One-off', date: '2026-07-13' }]);
  });

  it('names the file and each zod issue when the content is the wrong shape', async () => {
    const path = await write(
      'wrong-shape.json',
      JSON.stringify({
        'england-and-wales': {
          division: 'england-and-wales',
          events: [{ title: 'Bad month', date: '2026-13-01' }, { date: '2026-12-25' }],
        },
      }),
    );
    const error = await loadGovUkBankHolidays(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(path);
    expect(message).toContain("GOV.UK's bank-holidays.json format");
    expect(message).toMatch(/must be a calendar date YYYY-MM-DD\s+→ at \["england-and-wales"\]\.events\[0\]\.date/);
    expect(message).toMatch(/expected string, received undefined\s+→ at \["england-and-wales"\]\.events\[1\]\.title/);
  });

  it('refuses a JSON object with none of the three divisions', async () => {
    const path = await write('empty.json', JSON.stringify({ error: 'not found' }));
    await expect(loadGovUkBankHolidays(path)).rejects.toThrow(/at least one of the divisions/);
  });

  it('refuses a division filed under another nation', async () => {
    const path = await write(
      'misfiled.json',
      JSON.stringify({ scotland: { division: 'england-and-wales', events: [] } }),
    );
    await expect(loadGovUkBankHolidays(path)).rejects.toThrow(/division "england-and-wales" is filed under "scotland"/);
  });

  it('names the file when it is not JSON', async () => {
    const path = await write('not-json.json', '<html>Service unavailable</html>');
    await expect(loadGovUkBankHolidays(path)).rejects.toThrow(`Bank holidays from ${path} are not valid JSON`);
  });

  it('names the file when it cannot be read', async () => {
    const path = join(dir, 'missing.json');
    await expect(loadGovUkBankHolidays(path)).rejects.toThrow(`Could not read bank holidays from ${path}`);
  });
});

describe('loadGovUkBankHolidays from a URL', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const fixture = await readFile(FIXTURE, 'utf8');
    server = createServer((request, response) => {
      if (request.url === '/bank-holidays.json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(fixture);
      } else {
        response.writeHead(404).end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches and validates GOV.UK-format data', async () => {
    const data = await loadGovUkBankHolidays(`${base}/bank-holidays.json`);
    expect(data['england-and-wales']?.division).toBe('england-and-wales');
  });

  it('names the URL and the HTTP status when the server refuses', async () => {
    await expect(loadGovUkBankHolidays(`${base}/gone.json`)).rejects.toThrow(`${base}/gone.json: HTTP 404`);
  });
});
