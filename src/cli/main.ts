import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../app/paths.js';
import { DAMAGED_HINT, DatabaseError } from '../db/errors.js';
import { ExitError } from './errors.js';
import { terminalText } from './terminal-text.js';

// Every command module is imported only when it runs: `awsquiz --help` and `--version` load no parser,
// no database driver and no prompt library.
function buildProgram(): Command {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const program = new Command('awsquiz')
    .description('Quiz yourself on your own Markdown AWS certification notes.')
    .version(pkg.version, '-V, --version')
    .option('--db <path>', 'database file (default: $AWSQUIZ_DB or ~/.local/share/awsquiz/awsquiz.db)')
    .option('--no-color', 'plain output without colours')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      outputError: (str, write) => write(terminalText(str.replace(/^error: /, 'awsquiz: ').replace(/(cannot be used with option '[^']+')\n/, '$1 — use one of them\n'))),
    });

  program
    .command('ingest')
    .description('turn notes into questions (unchanged files are skipped)')
    .argument('[paths...]', 'note files or folders (default: the bundled notes and every note ingested before)')
    .option('--json', 'print the report as JSON')
    .option('--min-score <s>', 'keep only questions the quality model scores at least s (0–1; "default" for the shipped threshold); remembered for later ingests', parseMinScore)
    .option('--threads <n>', 'worker threads that parse; the main thread helps when a core is left for it (0: the main thread only; default: one per core but one, when there are over 2 MB to parse)', parseThreads)
    .addHelpText('after', '\nExamples:\n  awsquiz ingest ~/notes/aws\n  awsquiz ingest sqs.md lambda.md --json\n  awsquiz ingest ~/notes --threads 1')
    .action(async (paths: string[], opts, cmd: Command) => (await import('./commands/ingest.js')).run(paths, opts, cmd));

  program
    .command('questions')
    .description('list, sample or show the generated questions, with their source line')
    .argument('[action]', '"show" to show one question, "unflag" to take a flag back')
    .argument('[id]', 'question id (or a unique prefix) for "show" and "unflag"')
    .option('--topic <text>', 'only topics containing this text', nonEmpty('--topic'))
    .option('--sample <n>', 'a random sample of n questions', parseCount)
    .option('--flagged', 'only questions flagged as bad')
    .option('--include-outdated', 'also questions whose note AWS documents differently now (never asked unless asked for)')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  awsquiz questions --topic SQS\n  awsquiz questions --sample 20\n  awsquiz questions show q1a2b3c4\n  awsquiz questions --flagged\n  awsquiz questions unflag q1a2b3c4')
    .action(async (action: string | undefined, id: string | undefined, opts, cmd: Command) =>
      (await import('./commands/questions.js')).run(action, id, opts, cmd),
    );
  program
    .command('study')
    .description('spaced-repetition study: due reviews and weak topics first, then new questions')
    .option('--domain <domain>', 'only this exam domain (number, name or prefix, e.g. "security" or 2)', nonEmpty('--domain'))
    .option('--topic <text>', 'only topics containing this text', nonEmpty('--topic'))
    .addOption(new Option('--topic-id <id>', 'exactly one topic, by the id `awsquiz stats` gives').argParser(parseId).conflicts('topic'))
    .option('--service <name>', 'only questions about this AWS service (e.g. SQS)', nonEmpty('--service'))
    .option('--exam <code>', 'only questions mapped to this exam, whose domains --domain refers to (default: from your notes, else DVA-C02)', nonEmpty('--exam'))
    .option('--notes <path>', 'only questions from this note file or folder (see `awsquiz notes`)', nonEmpty('--notes'))
    .addOption(new Option('--new-only', 'only questions never seen').conflicts('dueOnly'))
    .addOption(new Option('--due-only', 'only reviews that are due').conflicts('newOnly'))
    .option('--limit <n>', 'questions in the session', parseCount, 20)
    .option('--minutes <m>', 'a timed session: after m minutes (fractions allowed) the question on screen is the last', parseMinutes)
    .option('--retention <r>', 'desired recall probability for scheduling', parseFraction, 0.9)
    .option('--plain', 'plain line-by-line mode (automatic when not in a terminal)')
    .option('--no-refresh', 'do not re-ingest notes changed on disk before starting')
    .option('--seed <n>', 'seed for the order of choices (for repeatable runs)', parseCount)
    .option('--include-outdated', 'also questions whose note AWS documents differently now (see `awsquiz notes check`)')
    .addHelpText(
      'after',
      '\nKeys: 1–4 or a–d answer · x flag a bad question (again: unflag) · u undo the last answer · after an answer:\n' +
        'r "I was right" (a typed answer refused) · e open the note · Enter next. Typed answers: Ctrl-X flags, Esc undoes.\n' +
        'Ctrl-C ends and saves. Without a terminal, one answer per line: choice numbers/letters ("2", "b", "1,3"), text,\n' +
        'an empty line to show a flip card, then a rating 1–4.\n\n' +
        'Examples:\n  awsquiz study\n  awsquiz study --domain security --minutes 15\n  awsquiz study --topic SQS --new-only\n  awsquiz study --notes ~/notes/saa --exam SAA-C03',
    )
    .action(async (opts, cmd: Command) => (await import('./commands/study.js')).run(opts, cmd));
  program
    .command('exam')
    .description('a timed mock exam shaped like the real one, scored by domain at the end')
    .option('--exam <code>', 'DVA-C02, SAA-C03, SAP-C02, CLF-C02, DOP-C02 or SOA-C02 (default: from your notes, else DVA-C02)', nonEmpty('--exam'))
    .option('--domain <domain>', 'only this domain (number, name or prefix, e.g. "security" or 2); 20 questions by default', nonEmpty('--domain'))
    .option('--notes <path>', 'only questions from this note file or folder (see `awsquiz notes`)', nonEmpty('--notes'))
    .option('--count <n>', 'number of questions', parseCount)
    .option('--minutes <m>', 'time limit (default: the real exam’s time per question); fractions allowed', parseMinutes)
    .option('--seed <s>', 'seed for choosing and ordering questions (repeatable exams)', nonEmpty('--seed'))
    .addOption(
      new Option('--resume', 'continue the unfinished exam with its clock where it stopped').conflicts(['abandon', 'listDomains', 'history', 'show', 'exam', 'domain', 'notes', 'count', 'minutes', 'seed', 'includeOutdated']),
    )
    .addOption(new Option('--abandon', 'drop the unfinished exam').conflicts(['listDomains', 'history', 'show', 'exam', 'domain', 'notes', 'count', 'minutes', 'seed', 'includeOutdated']))
    .addOption(new Option('--list-domains', 'show the exam’s domains, questions per domain, and questions that map to none').conflicts(['history', 'show']))
    .addOption(new Option('--history', 'list the finished mock exams, numbered').conflicts(['show']))
    .addOption(new Option('--show <n>', 'print the report of finished exam n (see --history) again').argParser(parseCount))
    .option('--include-outdated', 'also ask questions that teach a number AWS documents differently now (see `awsquiz notes check`)')
    .option('--json', 'print the result (or --list-domains, --history, --show) as JSON on stdout; the exam itself is drawn on stderr')
    .option('--plain', 'plain line-by-line mode (automatic when not in a terminal)')
    .option('--no-refresh', 'do not re-ingest notes changed on disk before starting')
    .addHelpText(
      'after',
      '\nDuring the exam: 1–4 or a–d answer · n next · p back · f flag · r review (jump by number) · s submit, which\n' +
        'asks first when questions are unanswered or flagged · Ctrl-C pauses. Typed answers: Enter answers and moves on,\n' +
        'Esc goes back, Ctrl-X flags, Ctrl-R reviews. Unanswered questions score as wrong but are not recorded as answers.\n' +
        'Without a terminal, one line per step: a choice ("b", "1,3"), a typed answer, or n/p/f/r/s; at the review, a\n' +
        'number or s, then y to confirm.\n\n' +
        'Examples:\n  awsquiz exam\n  awsquiz exam --domain security --count 10\n  awsquiz exam --exam SAA-C03 --list-domains\n  awsquiz exam --resume\n  awsquiz exam --history\n  awsquiz exam --show 3',
    )
    .action(async (opts, cmd: Command) => (await import('./commands/exam.js')).run(opts, cmd));
  program
    .command('stats')
    .description('where you stand: per domain and topic, weakest topics, trend, readiness estimate')
    .option('--exam <code>', 'exam whose domains to use (default: from your notes, else DVA-C02)', nonEmpty('--exam'))
    .option('--domain <domain>', 'only this domain (number, name or prefix)', nonEmpty('--domain'))
    .option('--topic <text>', 'only topics containing this text', nonEmpty('--topic'))
    .option('--since <when>', 'only answers since a date (2026-03-01) or a period (7d, 4w)', nonEmpty('--since'))
    .option('--exam-date <day>', 'your exam day (2026-12-20): recall is predicted for it instead of a week from now', nonEmpty('--exam-date'))
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExamples:\n  awsquiz stats\n  awsquiz stats --domain security --since 7d\n  awsquiz stats --json')
    .action(async (opts, cmd: Command) => (await import('./commands/stats.js')).run(opts, cmd));

  // Listing is the default subcommand, so that `notes check --json` and `notes --json` each own their options.
  const notes = program
    .command('notes')
    .description('the notes you ingested: list them, check them against current AWS facts, or take some out of use')
    .addHelpText('after', '\nExamples:\n  awsquiz notes\n  awsquiz notes --files\n  awsquiz notes check\n  awsquiz notes remove ~/notes/old-course\n  awsquiz study --notes ~/notes/saa');
  notes
    .command('list', { isDefault: true })
    .description('the notes ingested, per folder (or per file), with their questions and last ingest')
    .option('--files', 'one line per note instead of per folder')
    .option('--json', 'print as JSON')
    .action(async (opts, cmd: Command) => (await import('./commands/notes.js')).list(opts, cmd));
  notes
    .command('remove')
    .description('retire the questions of a note, or of every note under a folder (answers and schedules are kept)')
    .argument('<path>', 'a note file or a folder, as ingested')
    .action(async (path: string, opts, cmd: Command) => (await import('./commands/notes.js')).remove(path, cmd));
  notes
    .command('check')
    .description('numbers in your notes that AWS documents differently now (quotas, defaults, limits, prices)')
    .argument('[paths...]', 'note files or folders (default: every note ingested before)')
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', '\nExamples:\n  awsquiz notes check\n  awsquiz notes check ~/notes/aws/sqs.md\n  awsquiz notes check ~/notes --json')
    .action(async (paths: string[], opts, cmd: Command) => (await import('./commands/notes-check.js')).run(paths, opts, cmd));

  program
    .command('export')
    .description('write the questions to an Anki package, an Anki text (CSV) file or JSON')
    .argument('<format>', 'anki (.apkg), csv (Anki text import) or json')
    .argument('<path>', 'the file to write')
    .option('--notes <path>', 'only questions from this note, or from the notes under this folder', nonEmpty('--notes'))
    .option('--topic <text>', 'only topics containing this text', nonEmpty('--topic'))
    .option('--with-schedule', 'carry your schedule over: intervals, due dates and review history (anki, json)')
    .option('--include-outdated', 'keep questions that teach a number AWS documents differently now')
    .option('--force', 'replace the file if it exists')
    .addHelpText(
      'after',
      '\nFlagged questions are never exported. The file is written whole or not at all.\n\n' +
        'Examples:\n  awsquiz export anki ~/aws.apkg\n  awsquiz export anki sqs.apkg --topic SQS --with-schedule\n  awsquiz export csv aws.txt --notes ~/notes/aws\n  awsquiz export json questions.json --force',
    )
    .action(async (format: string, path: string, opts, cmd: Command) => (await import('./commands/export.js')).run(format, path, opts, cmd));

  const db = program.command('db').description('look after the database: where it is, check it, back it up, restore a backup, reset progress');
  db.command('path')
    .description('print the database path')
    .action(async (opts, cmd: Command) => (await import('./commands/db.js')).path(cmd));
  db.command('check')
    .description('integrity and foreign-key check')
    .action(async (opts, cmd: Command) => (await import('./commands/db.js')).check(cmd));
  db.command('restore')
    .description('put a backup in the place of the database (the current one is moved aside, never deleted)')
    .argument('<backup>', 'a file made by `awsquiz db backup`')
    .addHelpText('after', '\nExamples:\n  awsquiz db restore ~/awsquiz-2026-03-01.db')
    .action(async (backup: string, opts, cmd: Command) => (await import('./commands/db.js')).restore(backup, cmd));
  db.command('backup')
    .description('an online backup to PATH (safe while other awsquiz processes run)')
    .argument('<path>', 'where to write the backup')
    .action(async (path: string, opts, cmd: Command) => (await import('./commands/db.js')).backup(path, cmd));
  db.command('reset')
    .description('with --progress: forget every answer, schedule and session, keeping questions and notes (a backup is made first)')
    .option('--progress', 'forget answers, schedules and sessions')
    .option('--yes', 'do not ask for confirmation')
    .action(async (opts, cmd: Command) => (await import('./commands/db.js')).reset(opts, cmd));
  return program;
}

/** A year: longer limits are typing mistakes (and past 2³¹ ms a plain timer would fire at once). */
const MAX_MINUTES = 525_600;

function parseMinutes(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new ExitError(`not a number of minutes: ${value}`, 'give minutes such as 15 or 0.5', 2);
  if (n > MAX_MINUTES) throw new ExitError(`--minutes ${value} is more than a year`, `give at most ${MAX_MINUTES} minutes`, 2);
  return n;
}

/** A text option given empty ("--domain ''") would silently mean "no filter": refused. */
function nonEmpty(flag: string): (value: string) => string {
  return (value) => {
    if (value.trim() === '') throw new ExitError(`${flag} is empty`, `give ${flag} a value, or leave it out`, 2);
    return value;
  };
}

/** A number strictly between 0 and 1, written as a whole number ("0.5abc" is not 0.5). */
function parseFraction(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n > 0 && n < 1)) throw new ExitError(`--retention must be a number between 0 and 1, got ${value}`, 'try 0.9', 2);
  return n;
}

function parseId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ExitError(`not a topic id: ${value}`, 'copy the command `awsquiz stats` prints for a weak topic', 2);
  return n;
}

function parseThreads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new ExitError(`not a thread count: ${value}`, 'give a whole number from 0 to 64', 2);
  return n;
}

function parseMinScore(value: string): number | 'default' {
  if (value === 'default') return value;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new ExitError(`not a score: ${value}`, 'give a number from 0 to 1, such as 0.7, or "default"', 2);
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ExitError(`not a positive whole number: ${value}`, 'give a count such as 20', 2);
  return n;
}

/** SQLite failures a user can act on, as one line; null for anything else. */
function databaseTrouble(err: Error & { code?: string }): string | null {
  const code = err.code ?? '';
  if (!code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return `the database is damaged, and nothing more was written — ${DAMAGED_HINT}`;
  }
  if (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR')) {
    return `could not write the database (${code === 'SQLITE_FULL' ? 'disk full' : 'I/O error'}) — free some space or check the disk, then try again; nothing half-written was kept`;
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return 'the database stayed busy for 10 seconds — another awsquiz is writing a lot; try again in a moment';
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return 'cannot write the database — check the permissions of its file and folder, or use --db';
  }
  return null;
}

/** The one error line: `awsquiz: <what> — <what to do>`, on one line and through the terminal sanitiser. */
function printError(message: string, hint: string): void {
  const line = `awsquiz: ${message.replace(/\s*\n\s*/g, ' ')}${hint ? ` — ${hint}` : ''}`;
  process.stderr.write(`${terminalText(line)}\n`);
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are "errors" to commander; everything else it reports is a usage error.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof ExitError || e instanceof DatabaseError) {
      printError(e.message, e.hint);
      return e instanceof ExitError ? e.code : 1;
    }
    const err = e as Error & { code?: string };
    const db = databaseTrouble(err);
    if (db) {
      printError(db, '');
      return 1;
    }
    printError(`unexpected error: ${String(err.message ?? err).split('\n')[0]}`, 'please report it (AWSQUIZ_DEBUG=1 shows details)');
    if (process.env.AWSQUIZ_DEBUG) process.stderr.write(terminalText(`${err.stack ?? ''}\n`));
    return 1;
  }
}

// A write to stdout that fails (a full disk, a closed pipe) is reported when it happens, after the write:
// the command's own exit code must not hide it.
let outputFailed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  if (outputFailed) return;
  outputFailed = true;
  printError(`could not write the output (${e.code === 'ENOSPC' ? 'no space left on the device' : (e.code ?? e.message)})`, 'free some space or write it elsewhere, then run the command again');
  process.exitCode = 1;
});

const code = await main(process.argv);
process.exitCode = outputFailed ? 1 : code;
