import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../app/paths.js';
import { DatabaseError } from '../db/errors.js';
import { DAMAGED_HINT } from '../db/errors.js';
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
    .configureOutput({ outputError: (str, write) => write(terminalText(str.replace(/^error: /, 'awsquiz: '))) });

  program
    .command('ingest')
    .description('turn notes into questions (unchanged files are skipped)')
    .argument('[paths...]', 'note files or folders (default: the bundled notes and every note ingested before)')
    .option('--json', 'print the report as JSON')
    .option('--threads <n>', 'worker threads that parse; the main thread helps when a core is left for it (0: the main thread only; default: one per core but one, when there are over 2 MB to parse)', parseThreads)
    .addHelpText('after', '\nExamples:\n  awsquiz ingest ~/notes/aws\n  awsquiz ingest sqs.md lambda.md --json\n  awsquiz ingest ~/notes --threads 1')
    .action(async (paths: string[], opts, cmd: Command) => (await import('./commands/ingest.js')).run(paths, opts, cmd));

  program
    .command('questions')
    .description('list, sample or show the generated questions, with their source line')
    .argument('[action]', '"show" to show one question')
    .argument('[id]', 'question id (or a unique prefix) for "show"')
    .option('--topic <text>', 'only topics containing this text', nonEmpty('--topic'))
    .option('--sample <n>', 'a random sample of n questions', parseCount)
    .option('--flagged', 'only questions flagged as bad')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  awsquiz questions --topic SQS\n  awsquiz questions --sample 20\n  awsquiz questions show q1a2b3c4')
    .action(async (action: string | undefined, id: string | undefined, opts, cmd: Command) =>
      (await import('./commands/questions.js')).run(action, id, opts, cmd),
    );
  program
    .command('study')
    .description('spaced-repetition study: due reviews and weak topics first, then new questions')
    .option('--domain <domain>', 'only this exam domain (number, name or prefix, e.g. "security" or 2)', nonEmpty('--domain'))
    .option('--topic <text>', 'only topics containing this text', nonEmpty('--topic'))
    .option('--service <name>', 'only questions about this AWS service (e.g. SQS)', nonEmpty('--service'))
    .option('--exam <code>', 'exam whose domains --domain refers to (default: from your notes, else DVA-C02)', nonEmpty('--exam'))
    .option('--new-only', 'only questions never seen')
    .option('--due-only', 'only reviews that are due')
    .option('--limit <n>', 'questions in the session', parseCount, 20)
    .option('--minutes <m>', 'a timed session: ends cleanly after m minutes', parseMinutes)
    .option('--retention <r>', 'desired recall probability for scheduling', parseFraction, 0.9)
    .option('--plain', 'plain line-by-line mode (automatic when not in a terminal)')
    .option('--no-refresh', 'do not re-ingest notes changed on disk before starting')
    .option('--seed <n>', 'seed for the order of choices (for repeatable runs)', parseCount)
    .addHelpText(
      'after',
      '\nKeys: 1–4 or a–d answer · x flag a bad question · e open the note (after an answer) · Ctrl-C ends and saves.\n' +
        'Without a terminal, one answer per line: choice numbers/letters ("2", "b", "1,3"), text, or a rating 1–4.\n\n' +
        'Examples:\n  awsquiz study\n  awsquiz study --domain security --minutes 15\n  awsquiz study --topic SQS --new-only',
    )
    .action(async (opts, cmd: Command) => (await import('./commands/study.js')).run(opts, cmd));
  program
    .command('exam')
    .description('a timed mock exam shaped like the real one, scored by domain at the end')
    .option('--exam <code>', 'DVA-C02, SAA-C03, SAP-C02, CLF-C02, DOP-C02 or SOA-C02 (default: from your notes, else DVA-C02)', nonEmpty('--exam'))
    .option('--domain <domain>', 'only this domain (number, name or prefix, e.g. "security" or 2); 20 questions by default', nonEmpty('--domain'))
    .option('--count <n>', 'number of questions', parseCount)
    .option('--minutes <m>', 'time limit (default: the real exam’s time per question); fractions allowed', parsePositive)
    .option('--seed <s>', 'seed for choosing and ordering questions (repeatable exams)', nonEmpty('--seed'))
    .option('--resume', 'continue the unfinished exam with its clock where it stopped')
    .option('--abandon', 'drop the unfinished exam')
    .option('--list-domains', 'show the exam’s domains, questions per domain, and questions that map to none')
    .option('--json', 'print the result (or --list-domains) as JSON; the exam itself is shown on stderr')
    .option('--plain', 'plain line-by-line mode (automatic when not in a terminal)')
    .option('--no-refresh', 'do not re-ingest notes changed on disk before starting')
    .addHelpText(
      'after',
      '\nDuring the exam: 1–4 or a–d answer · n next · p back · f flag · r review · s submit · Ctrl-C pauses.\n' +
        'Without a terminal, one line per step: a choice ("b", "1,3"), a typed answer, or n/p/f/r/s; at the review screen, a number or s.\n\n' +
        'Examples:\n  awsquiz exam\n  awsquiz exam --domain security --count 10\n  awsquiz exam --exam SAA-C03 --list-domains\n  awsquiz exam --resume',
    )
    .action(async (opts, cmd: Command) => (await import('./commands/exam.js')).run(opts, cmd));
  program
    .command('stats')
    .description('where you stand: per domain and topic, weakest topics, trend, readiness estimate')
    .option('--exam <code>', 'exam whose domains to use (default: from your notes, else DVA-C02)', nonEmpty('--exam'))
    .option('--domain <domain>', 'only this domain (number, name or prefix)', nonEmpty('--domain'))
    .option('--topic <text>', 'only topics containing this text', nonEmpty('--topic'))
    .option('--since <when>', 'only answers since a date (2026-03-01) or a period (7d, 4w)', nonEmpty('--since'))
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExamples:\n  awsquiz stats\n  awsquiz stats --domain security --since 7d\n  awsquiz stats --json')
    .action(async (opts, cmd: Command) => (await import('./commands/stats.js')).run(opts, cmd));

  const db = program.command('db').description('look after the database: where it is, check it, back it up, restore a backup');
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
  return program;
}

/** A year: longer limits are typing mistakes (and past 2³¹ ms a plain timer would fire at once). */
const MAX_MINUTES = 525_600;

function parsePositive(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new ExitError(`not a positive number: ${value}`, 'give minutes such as 30 or 0.5', 2);
  if (n > MAX_MINUTES) throw new ExitError(`--minutes ${value} is more than a year`, `give at most ${MAX_MINUTES} minutes`, 2);
  return n;
}

function parseMinutes(value: string): number {
  const n = parseCount(value);
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

function parseThreads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new ExitError(`not a thread count: ${value}`, 'give a whole number from 0 to 64', 2);
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
