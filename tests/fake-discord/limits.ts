/**
 * Discord's documented message limits, checked the way the real API refuses a payload (HTTP 400,
 * code 50035). Lengths are UTF-16 code units, which is at least Discord's own count, so a payload
 * that passes here passes there.
 */
export const MESSAGE_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer and author over all embeds. */
  embedsTotal: 6000,
  actionRows: 5,
  componentsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function len(v: unknown): number {
  return typeof v === "string" ? v.length : 0;
}

function checkText(problems: string[], path: string, value: unknown, max: number, required = false): void {
  if (value === undefined || value === null) {
    if (required) problems.push(`${path}: required`);
    return;
  }
  if (typeof value !== "string") {
    problems.push(`${path}: must be a string`);
    return;
  }
  if (required && value.trim().length === 0) problems.push(`${path}: must not be empty`);
  if (value.length > max) problems.push(`${path}: ${value.length} > ${max}`);
}

function embedViolations(embed: unknown, path: string, problems: string[]): number {
  if (!isObject(embed)) {
    problems.push(`${path}: must be an object`);
    return 0;
  }
  checkText(problems, `${path}.title`, embed.title, MESSAGE_LIMITS.embedTitle);
  checkText(problems, `${path}.description`, embed.description, MESSAGE_LIMITS.embedDescription);
  let total = len(embed.title) + len(embed.description);
  if (embed.footer !== undefined) {
    const footer = isObject(embed.footer) ? embed.footer : {};
    checkText(problems, `${path}.footer.text`, footer.text, MESSAGE_LIMITS.footerText, true);
    total += len(footer.text);
  }
  if (embed.author !== undefined) {
    const author = isObject(embed.author) ? embed.author : {};
    checkText(problems, `${path}.author.name`, author.name, MESSAGE_LIMITS.authorName, true);
    total += len(author.name);
  }
  if (embed.fields !== undefined) {
    if (!Array.isArray(embed.fields)) {
      problems.push(`${path}.fields: must be an array`);
    } else {
      if (embed.fields.length > MESSAGE_LIMITS.embedFields) {
        problems.push(`${path}.fields: ${embed.fields.length} > ${MESSAGE_LIMITS.embedFields}`);
      }
      embed.fields.forEach((field: unknown, i) => {
        const f = isObject(field) ? field : {};
        checkText(problems, `${path}.fields[${i}].name`, f.name, MESSAGE_LIMITS.fieldName, true);
        checkText(problems, `${path}.fields[${i}].value`, f.value, MESSAGE_LIMITS.fieldValue, true);
        total += len(f.name) + len(f.value);
      });
    }
  }
  if (embed.url !== undefined && embed.url !== null && !/^https?:\/\//.test(String(embed.url))) {
    problems.push(`${path}.url: not a http(s) URL`);
  }
  return total;
}

function componentViolations(rows: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(rows)) {
    problems.push(`${path}: must be an array`);
    return;
  }
  if (rows.length > MESSAGE_LIMITS.actionRows) problems.push(`${path}: ${rows.length} > ${MESSAGE_LIMITS.actionRows} rows`);
  const seen = new Set<string>();
  rows.forEach((row: unknown, r) => {
    const rowPath = `${path}[${r}]`;
    if (!isObject(row) || row.type !== 1 || !Array.isArray(row.components)) {
      problems.push(`${rowPath}: must be an action row with components`);
      return;
    }
    if (row.components.length === 0 || row.components.length > MESSAGE_LIMITS.componentsPerRow) {
      problems.push(`${rowPath}.components: ${row.components.length} not in 1..${MESSAGE_LIMITS.componentsPerRow}`);
    }
    row.components.forEach((c: unknown, i) => {
      const cPath = `${rowPath}.components[${i}]`;
      const component = isObject(c) ? c : {};
      if (component.type === 2) {
        checkText(problems, `${cPath}.label`, component.label, MESSAGE_LIMITS.buttonLabel);
        if (component.style === 5) {
          if (typeof component.url !== "string") problems.push(`${cPath}.url: required for link buttons`);
          return;
        }
      }
      checkText(problems, `${cPath}.custom_id`, component.custom_id, MESSAGE_LIMITS.customId, true);
      const id = String(component.custom_id);
      if (seen.has(id)) problems.push(`${cPath}.custom_id: duplicate "${id}"`);
      seen.add(id);
    });
  });
}

/**
 * Problems Discord would refuse a message payload for (the `data` of an interaction response, a
 * webhook edit or a follow-up). An empty list means Discord accepts it. With `requireBody`, a
 * payload with nothing to show is refused too (Discord: "Cannot send an empty message").
 */
export function messageViolations(data: unknown, { requireBody = false } = {}): string[] {
  const problems: string[] = [];
  if (!isObject(data)) return ["data: must be an object"];
  checkText(problems, "content", data.content, MESSAGE_LIMITS.content);
  let total = 0;
  if (data.embeds !== undefined && data.embeds !== null) {
    if (!Array.isArray(data.embeds)) {
      problems.push("embeds: must be an array");
    } else {
      if (data.embeds.length > MESSAGE_LIMITS.embeds) problems.push(`embeds: ${data.embeds.length} > ${MESSAGE_LIMITS.embeds}`);
      data.embeds.forEach((e: unknown, i) => {
        total += embedViolations(e, `embeds[${i}]`, problems);
      });
    }
  }
  if (total > MESSAGE_LIMITS.embedsTotal) problems.push(`embeds: ${total} characters in all > ${MESSAGE_LIMITS.embedsTotal}`);
  if (data.components !== undefined && data.components !== null) componentViolations(data.components, "components", problems);
  if (requireBody) {
    const hasContent = typeof data.content === "string" && data.content.length > 0;
    const hasEmbeds = Array.isArray(data.embeds) && data.embeds.length > 0;
    const hasComponents = Array.isArray(data.components) && data.components.length > 0;
    if (!hasContent && !hasEmbeds && !hasComponents) problems.push("message: cannot send an empty message");
  }
  return problems;
}

/** Problems Discord would refuse an autocomplete result (`data.choices`) for. */
export function autocompleteViolations(data: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(data) || !Array.isArray(data.choices)) return ["choices: required array"];
  if (data.choices.length > MESSAGE_LIMITS.autocompleteChoices) {
    problems.push(`choices: ${data.choices.length} > ${MESSAGE_LIMITS.autocompleteChoices}`);
  }
  data.choices.forEach((c: unknown, i) => {
    const choice = isObject(c) ? c : {};
    checkText(problems, `choices[${i}].name`, choice.name, MESSAGE_LIMITS.choiceName, true);
    if (typeof choice.value === "string") checkText(problems, `choices[${i}].value`, choice.value, MESSAGE_LIMITS.choiceValue);
    else if (typeof choice.value !== "number") problems.push(`choices[${i}].value: must be a string or number`);
  });
  return problems;
}
