/**
 * Issue 13 item 13: articles beyond Latin script. Chinese, Japanese and Hindi articles keep their
 * text (sentences end at 。！？ and ।, words of scripts written without spaces are counted as
 * Intl.Segmenter splits them), and quotation marks of other traditions pair correctly: «…» with
 * „…“ inside, German „…“, Japanese 「…」 and 『…』, Chinese “…”, even where no speaker is found.
 */
import { describe, expect, test } from "vitest";
import { buildArticle } from "../../src/corpus/load.js";
import { QuoteIndex } from "../../src/quotes/quote-index.js";

const ARTICLES = {
  zh: `港口委员会决定修复灯塔

港口委员会周四投票决定修复凯兰角灯塔。这座灯塔自1998年的一场风暴后一直没有亮过。

委员会主席伊莫金·拉斯克尔说：“灯塔将在仲夏前重新亮起。”修复工程预计耗资约40万欧元！

渔民们对这一决定表示欢迎。潜水员将于下个月检查地基？
`,
  ja: `港湾委員会、灯台の修復を決定

港湾委員会は木曜日、ケラン岬灯台の修復を決定した。灯台は1998年の嵐以来、消灯したままだ。

委員長のイモジェン・ラスケル氏は「灯台は『夏至』までに再び点灯する」と述べた。修復費用は約40万ユーロの見込みだ。

漁師たちはこの決定を歓迎した。ダイバーが来月、基礎を調査する。
`,
  hi: `बंदरगाह बोर्ड ने पुराने प्रकाशस्तंभ की मरम्मत का फैसला किया

बंदरगाह बोर्ड ने गुरुवार को केलन पॉइंट प्रकाशस्तंभ की मरम्मत के लिए मतदान किया। यह प्रकाशस्तंभ 1998 के तूफान के बाद से बंद है।

बोर्ड की अध्यक्ष इमोजेन रास्केल ने कहा, "प्रकाशस्तंभ गर्मियों तक फिर से जलेगा।" मरम्मत पर लगभग चार लाख यूरो खर्च होंगे।

मछुआरों ने इस फैसले का स्वागत किया। गोताखोर अगले महीने नींव की जांच करेंगे।
`,
  ru: `Портовый совет решил восстановить маяк

Портовый совет в четверг проголосовал за восстановление маяка на мысе Келлан. Маяк не горит с 1998 года.

Председатель совета Имоджен Раскелл сказала: «Маяк снова загорится к середине лета, „несмотря ни на что“, и точка». Ремонт обойдётся примерно в 400 тысяч евро.
`,
  de: `Hafenrat beschließt Sanierung des Leuchtturms

Der Hafenrat hat am Donnerstag beschlossen, den Leuchtturm am Kellan Point zu sanieren. Er ist seit einem Sturm 1998 dunkel.

„Das Licht wird bis zum Hochsommer wieder leuchten“, sagte die Vorsitzende Imogen Raskell. Die Reparatur kostet etwa 400.000 Euro.
`,
};

const sentencesOf = (id: keyof typeof ARTICLES) => {
  const a = buildArticle(id, `${id}.txt`, ARTICLES[id]);
  return { article: a, sentences: a.sentences.map((s) => a.text.slice(s.start, s.end)) };
};

describe("articles beyond Latin script", () => {
  test.each([
    ["zh", ["港口委员会周四投票决定修复凯兰角灯塔。", "这座灯塔自1998年的一场风暴后一直没有亮过。", "委员会主席伊莫金·拉斯克尔说：“灯塔将在仲夏前重新亮起。”", "修复工程预计耗资约40万欧元！", "渔民们对这一决定表示欢迎。", "潜水员将于下个月检查地基？"]],
    ["ja", ["港湾委員会は木曜日、ケラン岬灯台の修復を決定した。", "灯台は1998年の嵐以来、消灯したままだ。", "委員長のイモジェン・ラスケル氏は「灯台は『夏至』までに再び点灯する」と述べた。", "修復費用は約40万ユーロの見込みだ。", "漁師たちはこの決定を歓迎した。", "ダイバーが来月、基礎を調査する。"]],
    ["hi", ["बंदरगाह बोर्ड ने गुरुवार को केलन पॉइंट प्रकाशस्तंभ की मरम्मत के लिए मतदान किया।", "यह प्रकाशस्तंभ 1998 के तूफान के बाद से बंद है।", 'बोर्ड की अध्यक्ष इमोजेन रास्केल ने कहा, "प्रकाशस्तंभ गर्मियों तक फिर से जलेगा।"', "मरम्मत पर लगभग चार लाख यूरो खर्च होंगे।", "मछुआरों ने इस फैसले का स्वागत किया।", "गोताखोर अगले महीने नींव की जांच करेंगे।"]],
    ["ru", ["Портовый совет в четверг проголосовал за восстановление маяка на мысе Келлан.", "Маяк не горит с 1998 года.", "Председатель совета Имоджен Раскелл сказала: «Маяк снова загорится к середине лета, „несмотря ни на что“, и точка».", "Ремонт обойдётся примерно в 400 тысяч евро."]],
  ] as const)("%s: every paragraph kept, split into its sentences", (id, expected) => {
    const { article, sentences } = sentencesOf(id);
    expect(article.furniture).toEqual([]);
    expect(sentences).toEqual(expected);
  });

  test.each([
    ["zh", ["灯塔将在仲夏前重新亮起。"]],
    ["ja", ["灯台は『夏至』までに再び点灯する"]],
    ["hi", ["प्रकाशस्तंभ गर्मियों तक फिर से जलेगा।"]],
    ["ru", ["Маяк снова загорится к середине лета, „несмотря ни на что“, и точка"]],
    ["de", ["Das Licht wird bis zum Hochsommer wieder leuchten"]],
  ] as const)("%s: quotation marks pair, nested marks stay inside", (id, quotes) => {
    const index = new QuoteIndex([sentencesOf(id).article]);
    expect(index.occurrences.map((o) => o.text)).toEqual(quotes);
  });
});
