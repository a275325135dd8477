/**
 * The fixed question list the benchmark times, phrased for the benchmark (not the evaluation
 * sets): questions the story answers, questions the addresses share words with, questions nobody
 * covers, misspellings, long and one-word questions. Raw minisearch gets the same strings.
 */
export const BENCH_QUESTIONS: readonly string[] = [
  // the story
  "Why was Putin waiting to congratulate Biden?",
  "What did the Kremlin say about the election results?",
  "When did Putin congratulate Biden?",
  "How many electoral votes did Biden get?",
  "What did Peskov say about Trump's legal challenges?",
  "Which world leaders congratulated Biden?",
  "What did Navalny write about the election?",
  "Has Trump conceded the election?",
  "What did Putin say in his message to Biden?",
  "Why is a Biden administration bad for Moscow?",
  "What sanctions could Biden impose on Russia?",
  "What happened after the 2016 election?",
  "Did Maduro congratulate Biden?",
  "What did Merkel and Macron do?",
  "Who is Dmitry Peskov?",
  // words the addresses share
  "What did the president say about the economy?",
  "How much did the war cost?",
  "What did the president say about Russia?",
  "Who congratulated Congress on the favorable prospects?",
  "What about the national debt and taxes?",
  "What was said about slavery and the Union?",
  "What is the state of the union?",
  "What about health care reform?",
  "What did the president say about the election?",
  // nobody covers these
  "What is the capital of France?",
  "Who will win the next Super Bowl?",
  "How do I bake sourdough bread?",
  "What is the boiling point of water at altitude?",
  // misspelt
  "Why did Puttin wait?",
  "What did Peskof say?",
  "congratulatons to Biden",
  "electorial votes for Biden",
  // long
  "Why did the Russian president not congratulate the American president-elect immediately after the vote was counted?",
  "What did the Russian opposition leader say about a free and fair election in the United States and the congratulations?",
  // one word
  "Kremlin",
  "sanctions",
  "election",
  "Navalny",
  "congratulations",
  "Washington",
];

/** Names the quote engine is timed on, once it exists. */
export const BENCH_SPEAKERS: readonly string[] = ["Peskov", "Putin", "Navalny", "Biden", "Trump", "Merkel", "Macron", "Maduro"];

/**
 * Topics the timeline is timed on, warm (after it is read once): the whole timeline (""), the
 * story's people and subjects, words the addresses share, a typo and a word nobody uses.
 */
export const BENCH_TOPICS: readonly string[] = ["", "Peskov", "Putin", "Biden", "election", "sanctions", "Electoral College", "war", "Congress", "economy", "Puttin", "zqxwv"];
