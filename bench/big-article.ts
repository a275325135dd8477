/**
 * A long invented news article of about `bytes` bytes, full of attributed quotations, for measuring
 * how quote extraction and linking scale with article size (bench/quote-scaling.ts, and the
 * reliability test of issue 13). Every paragraph differs (numbered), and most sentences open with
 * the same common words, as real prose does: the case that made linking quadratic.
 */
const FIRST = ["Imogen", "Tobias", "Marta", "Kellan", "Ottilie", "Bram", "Selma", "Oren"];
const LAST = ["Raskell", "Voight", "Lindqvist", "Okafor", "Brandt", "Havel", "Moreau", "Quist"];

function paragraph(i: number): string {
  const who = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  return (
    `"The harbour plan number ${i} will cost more than the council expected, and the work will take longer," said ${who}. ` +
    `The board met on day ${i} of the inquiry to discuss the repairs to pier ${i % 97}. ` +
    `"We will publish the figures for section ${i} next week," the spokesman added.`
  );
}

export function bigArticle(bytes: number): string {
  const parts = ["Harbour inquiry hears from the board", ""];
  let size = parts[0]!.length + 2;
  for (let i = 0; size < bytes; i++) {
    const p = paragraph(i);
    parts.push(p, "");
    size += p.length + 2;
  }
  return parts.join("\n");
}
