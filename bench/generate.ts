// Bench `generate`: a deterministic national-scale corpus of policy document texts (central resolutions and
// decisions → provincial Party programmes and People's Committee plans → district plans → a few commune plans),
// with expected.json saying what the pipeline must find in them. Layout, formats and counts: bench/national/.
//
//   npm run bench -- generate --documents N [--seed S] [--out DIR] [--verify]
//
// Forms the extractor misreads, kept out of the generated texts (see bench/national/*.ts where each is avoided):
// - "Sở Giao thông vận tải" → "Sở Giao thông vận" ("tải" folds to "tai", a word that ends an assignee list);
// - an item heading "N. Sở Tài chính chủ trì, phối hợp với Sở X ..." → lead "Sở Tài chính chủ trì, phối hợp";
// - a line of its own "Sở Nội vụ chủ trì, phối hợp với ..." (no label, nothing before it on the line) → no lead:
//   the sentence start is taken one character too far ("ở Nội vụ");
// - a lower-case agency after a comma in a list ("Phòng Y tế, phòng Kinh tế - Hạ tầng") → one agency;
// - "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện" → split at "và Ủy ban" into two;
// - "Công an thị xã", "Thanh tra thị xã" → commune level, placed in the province ("xã" ends the name);
// - "Bộ Chỉ huy Quân sự thành phố", "Cục Thuế thành phố" → central bodies; "Thành đoàn" → no agency;
// - an upper-case section heading right after the title, with no preamble ("I. TÌNH HÌNH ...") → more title;
// - "ỦY BAN NHÂN DÂN / THÀNH PHỐ HUẾ" (before 2025 a city of Thừa Thiên Huế) → the 2025 centrally-run city Huế;
// - numbered urban districts ("UBND Quận 1") → no jurisdiction (a unit word must be followed by a capital).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { parseCommand } from './command-args.ts';
import type { ExpectedDoc } from './national/expected.ts';
import { compareCorpus, type Found, findFacts } from './national/verify.ts';
import { writeCorpus } from './national/write.ts';

interface Options {
  documents: number;
  seed: number;
  out?: string;
  verify: boolean;
}

const wholeNumber = (name: string, min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new InvalidArgumentError(`${name} must be a whole number >= ${min}`);
  return n;
};

function parse(args: readonly string[]): Options | number {
  const program = new Command('generate')
    .description('Writes a deterministic national-scale corpus of policy documents and its expected.json.')
    .requiredOption('--documents <n>', 'number of documents (exactly)', wholeNumber('--documents', 1))
    .option('--seed <s>', 'corpus seed', wholeNumber('--seed', 0), 1)
    .option('--out <dir>', 'output directory (default data/national-<N>-s<seed>)')
    .option('--verify', 'run every document through the pipeline and compare with expected.json', false);
  return parseCommand<Options>(program, args);
}

export async function main(args: readonly string[]): Promise<number> {
  const options = parse(args);
  if (typeof options === 'number') return options;
  const out = options.out ?? join('data', `national-${options.documents}-s${options.seed}`);
  // Replace an earlier corpus, never a directory that is not one.
  if (existsSync(join(out, 'docs'))) {
    if (!existsSync(join(out, 'expected.json'))) {
      process.stderr.write(
        `generate: ${out}/docs exists and is not a generated corpus; choose another --out\n`,
      );
      return 2;
    }
    rmSync(join(out, 'docs'), { recursive: true, force: true });
  }

  const expected: ExpectedDoc[] = [];
  const found: Found[] = [];
  const result = writeCorpus({
    seed: options.seed,
    documents: options.documents,
    out,
    ...(options.verify
      ? {
          onDocument: (g) => {
            expected.push(g.expected);
            found.push(findFacts(g.text, g.file));
          },
        }
      : {}),
  });
  const mb = (result.textBytes / 1e6).toFixed(1);
  console.log(
    `generate: ${result.documents} documents, ${mb} MB of text (${result.textBytes} bytes) in ${result.seconds.toFixed(1)} s -> ${out}`,
  );
  if (!options.verify) return 0;
  const problems = compareCorpus(expected, found);
  for (const p of problems.slice(0, 50)) console.log(`  ${p}`);
  console.log(
    `verify: ${problems.length === 0 ? 'every document reads as expected' : `${problems.length} problems`}`,
  );
  return problems.length === 0 ? 0 : 1;
}
