// Extract (task sections): which sections and items hold mandates. Tasks come from NHIỆM VỤ, GIẢI PHÁP,
// TỔ CHỨC THỰC HIỆN, PHÂN CÔNG NHIỆM VỤ, TRÁCH NHIỆM; never from what a plan reports or argues — its
// background ("Thực trạng", "Kết quả thực hiện nhiệm vụ năm 2023") or its purposes ("Mục tiêu") (DOMAIN §3).
import { fold } from '../../text/fold.ts';
import { mandateVocabulary } from './mandate-vocabulary.ts';

export type SectionKind = 'TASKS' | 'ORGANISATION' | 'OTHER';

const alternation = (list: readonly string[]) =>
  [...new Set(list.map((w) => fold(w)))].sort((a, b) => b.length - a.length).join('|');

const BACKGROUND_START = new RegExp(`^(?:${alternation(mandateVocabulary.backgroundSections)})(?![a-z])`);
const PURPOSE = new RegExp(`(?<![a-z])(?:${alternation(mandateVocabulary.purposeSections)})(?![a-z])`);
const TASK = new RegExp(`(?<![a-z])(?:${alternation(mandateVocabulary.taskSections)})(?![a-z])`);
const ORGANISATION = new RegExp(
  `(?<![a-z])(?:${alternation(mandateVocabulary.organisationSections)})(?![a-z])`,
);
// "Kết quả năm 2023 và nhiệm vụ, giải pháp năm 2024": the title goes on to what is to be done.
const THEN_TASKS = /(?<![a-z])va\s+(?:cac\s+)?(?:nhiem vu|giai phap|phuong huong)(?![a-z])/;
const STRONG_TASK = /(?<![a-z])(?:nhiem vu|giai phap)(?![a-z])/;

/** The kind of a Roman-numbered section from its folded title. */
export function classifySection(titleFold: string): SectionKind {
  const t = titleFold.trim();
  // What the plan reports or argues holds no task, even when it names "nhiệm vụ" or "triển khai thực hiện".
  if (BACKGROUND_START.test(t)) return THEN_TASKS.test(t) ? 'TASKS' : 'OTHER';
  if (ORGANISATION.test(t)) return 'ORGANISATION';
  if (PURPOSE.test(t) && !STRONG_TASK.test(t)) return 'OTHER';
  if (TASK.test(t)) return 'TASKS';
  return 'OTHER';
}
