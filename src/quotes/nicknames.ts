/**
 * Everyday forms of English given names: a user asks for "Bob Marlowe" or "Joseph Marlowe" where
 * the coverage writes "Robert Marlowe" or "Joe Marlowe". General English naming, like the
 * irregular verbs of the analyzer; nothing here is about any article. Used only to look a query
 * up, never to merge two people the coverage names differently.
 */
const GROUPS = `
joseph joe|robert bob rob bobby|william bill will billy|james jim jimmy jamie|michael mike mick
thomas tom tommy|anthony tony|richard dick rick rich|daniel dan danny|david dave|christopher chris
nicholas nick|benjamin ben|samuel sam|matthew matt|andrew andy drew|stephen steve|steven steve
edward ed ted eddie|ronald ron|donald don|lawrence larry|gerald jerry|gregory greg|jeffrey jeff
kenneth ken|timothy tim|patrick pat|peter pete|charles charlie chuck|alexander alex sasha
frederick fred|henry harry hank|john jack|leonard len|raymond ray|douglas doug|philip phil
katherine kate katie|catherine kate cathy|elizabeth liz beth betsy|margaret maggie meg peggy
susan sue|jennifer jenny jen|patricia pat patty|rebecca becky|victoria vicky|deborah debbie deb
christine chris|jacqueline jackie|abigail abby|alexandra alex sasha|pamela pam|kimberly kim
vladimir vlad|dmitry dima|mikhail misha|nikolai kolya|yevgeny zhenya|ekaterina katya
`;

const FORMS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of GROUPS.split(/[|\n]/)) {
    const names = group.trim().split(/\s+/).filter(Boolean);
    for (const n of names) {
      let set = map.get(n);
      if (!set) map.set(n, (set = new Set()));
      for (const o of names) if (o !== n) set.add(o);
    }
  }
  return map;
})();

/** Are these folded given names one name in its everyday forms ("bob" and "robert")? */
export function sameByNickname(a: string, b: string): boolean {
  return FORMS.get(a)?.has(b) ?? false;
}
