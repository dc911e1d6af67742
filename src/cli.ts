/**
 * The `xiangwen` command: build the index, list parsed articles, search, show, look up regions.
 * Human-readable output by default, `--json` for scripts. Errors are one clear line on stderr
 * and a non-zero exit, never a stack trace.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { listPageFiles } from './pages/read.ts';
import { IndexError } from './search/article-index.ts';
import type { ArticleIndex } from './search/engine.ts';
import { collectArticles, type LogSink, NoArticlesError } from './search/open.ts';
import { withEngine } from './app/engine.ts';
import { updateIndex } from './search/update.ts';
import { writeFileSync } from 'node:fs';
import { explainFiles, explainPath } from './cli/explain.ts';
import { todayIn } from './search/query-parse.ts';
import { regionCommand, regionsCommand } from './cli/regions.ts';
import { formatArticle, formatHit } from './cli/text.ts';

const USAGE = `用法 / usage: xiangwen <command> [options]

  build-index [--full] [--json]     bring the search index up to date with the page files
                                    (only changed files are re-read; --full rebuilds from all;
                                    with DATABASE_URL: ingests into PostgreSQL)
  migrate-to-postgres [--json]      copy this SQLite deployment's archive into DATABASE_URL
  articles [--json] [FILE…]         the parsed articles of the given page files (default: all)
  articles --explain [FILE…]        every line of the pages with what it was taken for, and why
  search [--json] [--limit N] [--newest] QUERY…
                                    search the index (by relevance, or newest first)
  show [--json] ID                  one article in full
  region [--json] NAME              articles about a Hunan place and its sub-regions
  regions [--json]                  the regions that have articles, as a tree with counts
  trend [--json] [--out F.png] WORD_OR_PLACE [RANGE]
                                    articles per month (per week for short ranges), as a PNG chart
  digest --now [--chat ID]          send due digests now

Environment: PAGES_DIR (default seeds/), DATA_DIR (default data/), DATABASE_URL, LOG_LEVEL.`;

/** A user-facing failure: printed as one line, exit code 1 (2 for usage). */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const stderrLog: LogSink = {
  info: (message) => process.stderr.write(`${message}\n`),
  warn: (message) => process.stderr.write(`警告 warning: ${message}\n`),
};

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function withIndex<T>(run: (index: ArticleIndex) => Promise<T>): Promise<T> {
  return withEngine(loadConfig(), stderrLog, run);
}

/** The options every subcommand may read. */
const OPTIONS = {
  json: { type: 'boolean', default: false },
  limit: { type: 'string' },
  newest: { type: 'boolean', default: false },
  explain: { type: 'boolean', default: false },
  out: { type: 'string' },
  now: { type: 'boolean', default: false },
  chat: { type: 'string' },
  full: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** A subcommand's parsed arguments. */
interface CliArgs {
  values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
  positionals: string[];
  json: boolean;
}

async function buildIndexCmd({ values, json }: CliArgs): Promise<void> {
  const config = loadConfig();
  if (config.databaseUrl) return ingestCmd(config.databaseUrl, config.pagesDir, values.full === true, json);
  const update = await updateIndex({ pagesDir: config.pagesDir, dataDir: config.dataDir, logger: stderrLog, full: values.full === true });
  if (json) {
    const { commonTerms: _common, ...meta } = update.meta;
    print(
      JSON.stringify({
        ...meta,
        mode: update.mode,
        reason: update.reason,
        added: update.added,
        removed: update.removed,
        changedFiles: update.changedFiles,
      }),
    );
  } else if (update.mode === 'unchanged') {
    process.stderr.write(`index is up to date: ${update.meta.articles} articles\n`);
  }
}

/** `build-index` with DATABASE_URL: one ingest into PostgreSQL, announced to the running bots. */
async function ingestCmd(url: string, pagesDir: string, full: boolean, json: boolean): Promise<void> {
  const { ingestOnce } = await import('./app/postgres-engine.ts');
  const result = await ingestOnce(url, pagesDir, stderrLog, full);
  if (json) print(JSON.stringify(result));
  else if (result.mode === 'unchanged') process.stderr.write(`PostgreSQL articles are up to date: ${result.articles} articles\n`);
}

async function articlesCmd({ values, positionals, json }: CliArgs): Promise<void> {
  const config = loadConfig();
  if (values.explain) {
    const targets = positionals.length ? positionals : listPageFiles(config.pagesDir);
    if (json) {
      print(
        JSON.stringify(
          targets.map((file) => ({ file, ...explainPath(config.pagesDir, file) })),
          null,
          2,
        ),
      );
      return;
    }
    const { text, failures } = explainFiles(config.pagesDir, targets);
    if (text) print(text);
    for (const failure of failures) process.stderr.write(`警告 warning: skipped page file ${failure}\n`);
    if (failures.length === targets.length) throw new CliError('no page could be read');
    return;
  }
  const files = positionals.length ? positionals : undefined;
  const articles = collectArticles(config.pagesDir, stderrLog, files);
  if (articles.length === 0 && files) throw new CliError(`no articles found in ${files.join(', ')}`);
  if (articles.length === 0) throw new NoArticlesError(config.pagesDir);
  if (json) print(JSON.stringify(articles, null, 2));
  else print(articles.map(formatHit).join('\n'));
}

async function searchCmd({ values, positionals, json }: CliArgs): Promise<void> {
  const query = positionals.join(' ');
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError('--limit must be a whole number from 1 to 1000', 2);
  await withIndex(async (index) => {
    const result = await index.search(query, { limit, order: values.newest ? 'date' : 'relevance' });
    if (json) {
      print(
        JSON.stringify(
          {
            query,
            terms: result.terms,
            total: result.total,
            capped: result.capped,
            noKeywords: result.noKeywords,
            results: result.hits.map(({ id, title, regions, summary, score, kind, date }) => ({
              id,
              title,
              regions,
              summary,
              score,
              kind,
              date,
            })),
          },
          null,
          2,
        ),
      );
    } else if (result.noKeywords) {
      print('没有可搜索的关键词（只有标点、表情或常用虚词）。请换几个实词试试，例如：营商环境');
    } else {
      print(`按：${result.terms.join(' / ')}　共 ${result.total}${result.capped ? '+' : ''} 篇`);
      print(result.hits.length ? result.hits.map(formatHit).join('\n') : '没有找到相关文章。');
    }
  });
}

async function showCmd({ positionals, json }: CliArgs): Promise<void> {
  const id = positionals[0];
  if (!id) throw new CliError('usage: xiangwen show [--json] ID', 2);
  await withIndex(async (index) => {
    const article = await index.get(id);
    if (!article) throw new CliError(`没有 id 为 ${id} 的文章 (no article with id ${id})`);
    print(json ? JSON.stringify(article, null, 2) : formatArticle(article));
  });
}

async function regionCmd({ positionals, json }: CliArgs): Promise<void> {
  await withIndex(async (index) => print(await regionCommand(index, positionals.join(' '), json)));
}

async function regionsCmd({ json }: CliArgs): Promise<void> {
  await withIndex(async (index) => print(await regionsCommand(index, json)));
}

async function trendCmd({ values, positionals, json }: CliArgs): Promise<void> {
  const query = positionals.join(' ');
  if (!query.trim()) throw new CliError('usage: xiangwen trend [--json] [--out FILE.png] WORD_OR_PLACE [RANGE]', 2);
  const [{ computeTrend, renderTrendPng }, { trendTexts }] = await Promise.all([import('./trend/trend.ts'), import('./trend/texts.ts')]);
  await withIndex(async (index) => {
    const outcome = await computeTrend(index, query, todayIn(loadConfig().digestTz));
    if (outcome.kind === 'bad-range') throw new CliError(`「${outcome.word}」不是有效的日期或时间范围 (not a valid date or range)`);
    if (outcome.kind === 'no-subject') throw new CliError('没有可统计的词或地名 (nothing to count: give a word or a place)');
    if (outcome.kind === 'nothing')
      throw new CliError(
        `「${outcome.subject}」${outcome.range ? `在${outcome.range.label}` : ''}没有文章，无图可画 (no articles to plot)`,
      );
    const texts = trendTexts('zh');
    if (values.out) writeFileSync(values.out, await renderTrendPng(outcome.trend, texts));
    if (json)
      print(
        JSON.stringify({ ...outcome.trend, summary: texts.summary(outcome.trend), ...(values.out ? { png: values.out } : {}) }, null, 2),
      );
    else
      print(
        [
          texts.summary(outcome.trend),
          ...outcome.trend.bars.map((b) => `${b.period}\t${b.count}`),
          ...(values.out ? [`→ ${values.out}`] : []),
        ].join('\n'),
      );
  });
}

async function digestCmd({ values, json }: CliArgs): Promise<void> {
  const { digestCommand } = await import('./app/digest-now.ts');
  process.exitCode = await digestCommand({ now: values.now === true, chat: values.chat, json });
}

async function migrateCmd({ json }: CliArgs): Promise<void> {
  const { migrateCommand } = await import('./app/migrate-to-postgres.ts');
  await migrateCommand(loadConfig(), stderrLog, json);
}

/** The subcommands, by name. */
const COMMANDS: Record<string, (args: CliArgs) => Promise<void>> = {
  'build-index': buildIndexCmd,
  articles: articlesCmd,
  search: searchCmd,
  show: showCmd,
  region: regionCmd,
  regions: regionsCmd,
  trend: trendCmd,
  digest: digestCmd,
  'migrate-to-postgres': migrateCmd,
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: OPTIONS,
  });
  const json = values.json === true;
  if (!command || command === 'help' || values.help) {
    print(USAGE);
    return;
  }
  const run = COMMANDS[command];
  if (run === undefined) throw new CliError(`unknown command "${command}"\n${USAGE}`, 2);
  await run({ values, positionals, json });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error.exitCode;
  } else if (error instanceof ConfigError || error instanceof NoArticlesError || error instanceof IndexError) {
    process.stderr.write(`错误 error: ${error.message}\n`);
    process.exitCode = 1;
  } else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`错误 error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
});
