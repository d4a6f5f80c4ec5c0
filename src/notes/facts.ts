/** Facts: what a note states, in a shape a question can be asked about. The output of extraction. */

export interface FactBase {
  /** Heading path of the section the fact is in ("SQS › Dead Letter Queue" as a list). */
  path: string[];
  /** Labels of the list items above the fact inside its section ("Types", "Compute optimised"). */
  context: string[];
  line: number;
  /** The note's own line, cleaned, to show next to feedback. */
  sourceText: string;
}

/** A thing and one statement about it, among siblings of the same kind ("Spot Instances" / "up to 90% off"). */
export interface AttributeFact extends FactBase {
  kind: 'attribute';
  subject: string;
  /** What the note says of the subject; "____ has caching" when the subject's name opened it. */
  statement: string;
  /** Identifies the sibling group; every subject of the group is listed in `siblings`. */
  group: string;
  siblings: string[];
  /** What the subjects are, when the notes say (the parent label, e.g. "EC2 Instance Launch Types"). */
  category: string;
  /** True when the statement is the subject's definition ("Term: definition"). */
  definition: boolean;
  /**
   * True when the siblings are topics spread over a chapter rather than one laid-out set of alike terms:
   * only plainly alike names among them are fair wrong answers.
   */
  loose?: boolean;
  /** True when the note sets the subject's name off as a term: bold, code, or a heading of its own. */
  named?: boolean;
  /** True when the fact is a table's row or cell rather than a line of the note. */
  table?: boolean;
}

/** A short list under a label ("Types of load balancers" → ALB, NLB, GWLB). */
export interface EnumerationFact extends FactBase {
  kind: 'enumeration';
  label: string;
  items: string[];
  /** Sibling lists of the same group, for plausible wrong answers ("Redis" items for a "Memcached" list). */
  group: string;
}

/** A statement with a number in it ("Message retention: 4 days default"). */
export interface NumericFact extends FactBase {
  kind: 'numeric';
  subject: string;
  before: string;
  answer: string;
  after: string;
  value: number;
  unit: string;
}

/** A statement with a key phrase the note stresses in bold. */
export interface ClozeFact extends FactBase {
  kind: 'cloze';
  subject: string;
  before: string;
  answer: string;
  after: string;
  group: string;
}

/** One cell of a table with a header row: (row, column) → value. */
export interface TableCellFact extends FactBase {
  kind: 'table-cell';
  caption: string;
  rowKey: string;
  column: string;
  value: string;
  /** Identifies the table column, so the other rows' values can be wrong answers. */
  group: string;
  columnValues: string[];
}

/** A question the note asks itself, with its answer. */
export interface QaFact extends FactBase {
  kind: 'qa';
  question: string;
  answer: string;
  /** The answer is a code block or a long text: only self-grading fits. */
  long: boolean;
  /** A practice-exam item's own choices, in the note's order (extract/quiz.ts)… */
  options?: string[];
  /** …and the right ones among them. */
  correct?: string[];
}

/** A plain statement no other shape claimed ("DynamoDB stores items of up to …"): asked when it names its own subject. */
export interface SentenceFact extends FactBase {
  kind: 'sentence';
  statement: string;
}

export type Fact = AttributeFact | EnumerationFact | NumericFact | ClozeFact | TableCellFact | QaFact | SentenceFact;

/** Why part of a note produced no question; counted in the ingest report. */
export type SkipReason =
  | 'no-checkable-claim'
  | 'too-long'
  | 'too-short'
  | 'gives-answer-away'
  | 'no-plausible-distractors'
  | 'ambiguous'
  | 'code-or-link'
  | 'duplicate'
  /** Made, but the quality model scored it below the threshold (see score.ts). */
  | 'low-score';

export interface Extraction {
  facts: Fact[];
  skipped: Partial<Record<SkipReason, number>>;
}
