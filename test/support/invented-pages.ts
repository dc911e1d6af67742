/** Invented pages for tests: short dated articles in the `# headline` layout, no real text. */

/** One article per `[headline, place, sentence]`, each with an author line the splitter recognises. */
export function inventedPage(items: [string, string, string][]): string {
  return items
    .map(
      ([title, place, text], i) =>
        `# ${title}\n本报讯（记者 王${'一二三四五六七八九'[i % 9]}）近日，${place}${text}当地干部群众表示，将继续努力把这件事办好。\n`,
    )
    .join('\n');
}
