import { describe, expect, it } from 'vitest';
import { splitPage } from '../../src/pages/split.ts';

/** A page made of blocks separated by blank lines, as the seed pages are. */
const page = (...blocks: string[]) => blocks.join('\n\n');

describe('splitting a page into articles', () => {
  it('recovers kicker, headline, subtitle and authors of a feature', () => {
    const [article] = splitPage(
      page(
        '回眸“十四五”发展看某县(二)',
        '# 青山绿水间的新答卷',
        '## ——某县推进生态文明建设纪实',
        '王小明 李华',
        '近年来，某县坚持生态优先、绿色发展，走出了一条高质量发展新路子。',
        '**守住底线，筑牢屏障**',
        '该县全面推行林长制，落实各级林长三百余名。',
      ),
    );
    expect(article).toMatchObject({
      kicker: '回眸“十四五”发展看某县(二)',
      title: '青山绿水间的新答卷',
      subtitle: '某县推进生态文明建设纪实',
      authors: ['王小明', '李华'],
      kind: 'feature',
    });
    expect(article.body).toContain('守住底线，筑牢屏障');
  });

  it('keeps section headings inside their article instead of starting new ones', () => {
    const articles = splitPage(
      page(
        '数字赋能乡村振兴',
        '张三 李四',
        '今年以来，某镇大力发展数字农业，农民收入稳步增长。',
        '搭建平台，激活要素',
        '该镇建成农产品电商服务站12个，带动就业500余人。',
        '培育人才，夯实根基',
        '镇里每年举办培训班，培养新型职业农民。',
      ),
    );
    expect(articles.map((a) => a.title)).toEqual(['数字赋能乡村振兴']);
    expect(articles[0].body).toEqual([
      '今年以来，某镇大力发展数字农业，农民收入稳步增长。',
      '搭建平台，激活要素',
      '该镇建成农产品电商服务站12个，带动就业500余人。',
      '培育人才，夯实根基',
      '镇里每年举办培训班，培养新型职业农民。',
    ]);
  });

  it('splits briefs closed by a byline in parentheses and reads the byline as authors', () => {
    const articles = splitPage(
      page(
        '某县：开展冬季消防安全检查',
        '近日，某县消防救援大队深入辖区商场开展消防安全检查。',
        '（赵六）',
        '群众满意度持续提升',
        '今年以来，某市不断优化政务服务，群众满意度达到98%。',
        '(钱七 孙八)',
      ),
    );
    expect(articles.map((a) => [a.title, a.authors, a.kind])).toEqual([
      ['某县：开展冬季消防安全检查', ['赵六'], 'brief'],
      ['群众满意度持续提升', ['钱七', '孙八'], 'brief'],
    ]);
  });

  it('re-joins a paragraph broken mid-sentence and drops a duplicated paragraph', () => {
    const [article] = splitPage(
      page(
        '某区推进老旧小区改造',
        '周九 吴十',
        '今年，某区计划改造老旧小区36个，惠及居民',
        '1.2万户，目前已完工20个。',
        '改造后的小区环境焕然一新，居民纷纷点赞，表示生活更方便了。',
        '改造后的小区环境焕然一新，居民纷纷点赞，表示生活更方便了。',
      ),
    );
    expect(article.body).toEqual([
      '今年，某区计划改造老旧小区36个，惠及居民1.2万户，目前已完工20个。',
      '改造后的小区环境焕然一新，居民纷纷点赞，表示生活更方便了。',
    ]);
  });

  it('keeps photo captions apart from the body', () => {
    const [article] = splitPage(
      page(
        '某县举办农民丰收节',
        '郑一',
        '9月23日，某县第五届农民丰收节在某镇开幕，现场人头攒动。',
        '丰收节现场，农民展示自家种植的农产品。',
        '郑一 摄',
        '活动持续三天，吸引游客两万余人次。',
        '某县农民丰收节主会场一角。(某县委宣传部供图)',
      ),
    );
    expect(article.captions).toEqual(['丰收节现场，农民展示自家种植的农产品。', '某县农民丰收节主会场一角。(某县委宣传部供图)']);
    expect(article.body).toEqual(['9月23日，某县第五届农民丰收节在某镇开幕，现场人头攒动。', '活动持续三天，吸引游客两万余人次。']);
  });

  it('keeps text continued from another page as a fragment, never as a headline', () => {
    const articles = splitPage(
      page(
        '某市召开项目建设推进会',
        '陈一 林二',
        '会议要求，各地各部门要抓紧抓实重点项目建设，确保全年目标任务完成。',
        '等多个项目已经开工建设。其中，某物流园项目总投资5亿元，预计明年投产。',
      ),
    );
    expect(articles.map((a) => a.kind)).toEqual(['feature', 'fragment']);
    expect(articles[1].body[0]).toMatch(/^等多个项目/);
  });

  it('reads a notice and its date line', () => {
    const [notice] = splitPage(page('遗失声明', '某公司不慎遗失营业执照副本一份，声明作废。', '2023年3月1日'));
    expect(notice).toMatchObject({ title: '遗失声明', kind: 'notice' });
  });

  it('does not take a line of short phrases for an author line', () => {
    const [article] = splitPage(
      page(
        '某县：加力推进高质量发展',
        '刘一 陈二',
        '近年来，某县锚定发展目标，推动经济高质量发展。',
        '搭建平台 激发活力',
        '企业兴则县域兴。该县着力打造招商平台。',
      ),
    );
    expect(article.authors).toEqual(['刘一', '陈二']);
    expect(article.body).toContain('搭建平台 激发活力');
  });
});

describe('layouts of other newspapers', () => {
  it('reads role words on author lines and datelines that name the reporters', () => {
    const articles = splitPage(
      page(
        '某市新建五所中小学',
        '本报记者 王五 通讯员 赵六',
        '今年，某市新建中小学五所，新增学位八千个。',
        '某县开通城乡公交新线路',
        '本报讯（记者 孙七）近日，某县开通三条城乡公交线路，方便群众出行。',
        '（完）',
        '责任编辑：李八',
      ),
    );
    expect(articles.map((a) => [a.title, a.authors])).toEqual([
      ['某市新建五所中小学', ['王五', '赵六']],
      ['某县开通城乡公交新线路', ['孙七']],
    ]);
    expect(articles[1].body[0]).toBe('近日，某县开通三条城乡公交线路，方便群众出行。');
  });
});

describe('a page with one paragraph per line, indented, with page furniture', () => {
  const lines = [
    '湖南日报 2024年3月5日 星期二 第5版',
    '某市：长江岸线生态修复见成效',
    '本报记者 李杰 通讯员 王芳',
    '　　本报某市3月4日讯 近日，某市江边码头旧址上，成片的芦苇已经返青，候鸟在江滩上觅食。',
    '　　近年来，该市累计拆除长江岸线非法码头39个，复绿岸线16.5公里。',
    '某地举办春季招聘会',
    '　　本报讯（记者 刘洋）3月2日，某地春季大型招聘会在人才市场举行，320家企业提供岗位1.2万个。',
    '　　据了解，今年将开展招聘活动100场以上。',
    '【聚焦两会】',
    '代表委员热议乡村振兴',
    '本报记者 陈明',
    '　　今年全国两会上，代表委员围绕乡村振兴建言献策。',
    '　　（完）',
    '责任编辑：赵六',
  ];

  it('finds every headline, with datelines confirming them and giving the authors', () => {
    const articles = splitPage(lines.join('\n'));
    expect(articles.map((a) => [a.kicker, a.title, a.authors])).toEqual([
      ['', '某市：长江岸线生态修复见成效', ['李杰', '王芳']],
      ['', '某地举办春季招聘会', ['刘洋']],
      ['聚焦两会', '代表委员热议乡村振兴', ['陈明']],
    ]);
    expect(articles[0].body[0]).toBe('近日，某市江边码头旧址上，成片的芦苇已经返青，候鸟在江滩上觅食。');
    expect(articles.flatMap((a) => a.body).join('')).not.toMatch(/责任编辑|星期二|（完）/);
  });
});
