import { z } from 'zod';

/**
 * The severity matrix of 004 (a 2013 Learning and Improvement Framework, Appendix 3 "Reports for
 * Learning and Improvement") as advisory help when the partners choose a type of review. It is
 * guidance only and partly out of date (it predates LCSPRs and rapid reviews): the criteria of
 * 002 5.2 decide ("It is for safeguarding partners to determine whether a review is appropriate").
 * The suggested types are quoted from the matrix's "Type of review" column.
 */

export const SeverityGradeSchema = z.enum(['catastrophic', 'severe', 'significant', 'moderate', 'low', 'bestPractice']);
export type SeverityGrade = z.infer<typeof SeverityGradeSchema>;
export const SEVERITY_GRADES = SeverityGradeSchema.options;

export type SeverityGuidance = {
  grade: SeverityGrade;
  /** The grade as 004 names it. */
  title: string;
  /** 004 "Type of review", verbatim. */
  suggestedReview: string;
  /** 004 "Incident" (the matrix's second column, not "Statutory compliance"), abridged; for moderate, the example that sets it apart from significant. */
  example: string;
};

const MATRIX: Record<SeverityGrade, Omit<SeverityGuidance, 'grade'>> = {
  catastrophic: {
    title: 'Catastrophic',
    suggestedReview: 'Serious Case Review/CDOP (approach to consider possible use of: Welsh Government (2013), SCIE)',
    example: 'abuse or neglect known or suspected and the child has died, or has been seriously harmed with cause for concern about how agencies worked together',
  },
  severe: {
    title: 'Severe',
    suggestedReview: 'Multi agency management overview Report/ Critical Incident Report/ CDOP',
    example: 'curiosity or concern about how agencies worked together; injury needing hospital admission for more than 24 hours',
  },
  significant: {
    title: 'Significant',
    suggestedReview: 'Critical Incident Report/Child Death Overview Panel/Serious Incident Report or review',
    example: 'injury requiring transportation to hospital for treatment; a significant episode of self harm',
  },
  moderate: {
    title: 'Moderate',
    suggestedReview: 'Front line learning (SCIE) report/ Multi agency Audit Single agency review',
    // The Incident column's own example; "Failure to meet internal standards and policy, procedure" is the Statutory compliance column's.
    example: 'parents charged with neglect, or a child missing education, where the child is on a child protection plan, a child in need or receiving significant services',
  },
  // "Minor non compliance" is the Statutory compliance column's, not an incident.
  low: { title: 'Low', suggestedReview: 'Practice manager audit or review', example: 'abrasions or bruises; minor injuries to a child who is missing education, on a child protection plan, a child in need or receiving significant services' },
  bestPractice: {
    title: 'Best Practice',
    suggestedReview: 'Audit/ Case scenarios & studies that are appropriate to share in newsletter or cascaded in training or Board events',
    example: 'examples of good practice that can be cascaded to the multi agency partnership',
  },
};

/** What 004's matrix suggests for a grade. Advisory: see GUIDANCE_CAVEAT. */
export function severityGuidance(grade: SeverityGrade): SeverityGuidance {
  return { grade, ...MATRIX[grade] };
}

export const GUIDANCE_CAVEAT =
  "Guidance only: the 2013 severity matrix (004) is partly out of date. The criteria in 002 5.2 decide, and it is for the safeguarding partners to determine whether a review is appropriate; meeting the criteria does not mean a review must be held.";
