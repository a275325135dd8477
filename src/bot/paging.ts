/**
 * Paged replies: "Previous"/"Next" buttons whose custom ids carry the state (which result, whose,
 * which page). The rendered pages stay in memory for a while; a click on an old result ("stale")
 * or by someone else ("foreign") gets a polite note only the clicker sees.
 */
import { randomBytes } from "node:crypto";
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from "discord.js";
import { z } from "zod";
import type { MessagePage } from "../render/discord.js";
import { NO_PINGS, NOTES, sendNote } from "./replies.js";

export const PAGE_PREFIX = "page";

interface StoredResult {
  pages: MessagePage[];
  owner: string;
  savedAt: number;
  /** What keeping it costs, about: see `resultBytes`. */
  bytes: number;
}

export interface PageStoreOptions {
  /** How long a paged result can be browsed. */
  ttlMs?: number;
  /** Most results kept; the oldest go first. */
  maxEntries?: number;
  /** Most bytes kept, counted as `resultBytes` does; the oldest go first. */
  maxBytes?: number;
  now?: () => number;
}

/**
 * About what a stored result costs in memory: two bytes a character of its JSON (strings are
 * UTF-16), which covers every text it shows and its structure. A page is at most 6,000 characters
 * of embed text (Discord's limit), so about 12 to 13 KB; a long /quote result runs to dozens of pages.
 */
export function resultBytes(pages: readonly MessagePage[]): number {
  return JSON.stringify(pages).length * 2;
}

/** 64 MB: about 5,000 pages. */
export const PAGE_STORE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Recently sent paged results, by a random 128-bit key: one button's key tells nothing about any
 * other's, and keys from an earlier run never match (a restart makes old buttons stale, not wrong).
 * Bounded by time, count and bytes: every save first drops what has expired, then the oldest
 * results until the new one fits; a result bigger than the whole budget is not kept.
 */
export class PageStore {
  /** In the order saved, which is also the order they expire in. */
  private readonly entries = new Map<string, StoredResult>();
  private totalBytes = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor({ ttlMs = 30 * 60_000, maxEntries = 1_000, maxBytes = PAGE_STORE_MAX_BYTES, now = Date.now }: PageStoreOptions = {}) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.now = now;
  }

  save(pages: MessagePage[], owner: string): string {
    const key = randomBytes(16).toString("hex");
    const bytes = resultBytes(pages);
    const now = this.now();
    this.dropExpired(now);
    if (bytes > this.maxBytes) return key;
    while (this.entries.size > 0 && (this.entries.size >= this.maxEntries || this.totalBytes + bytes > this.maxBytes)) this.dropOldest();
    this.entries.set(key, { pages, owner, savedAt: now, bytes });
    this.totalBytes += bytes;
    return key;
  }

  get(key: string): StoredResult | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.now() - entry.savedAt > this.ttlMs) {
      this.delete(key, entry);
      return null;
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes kept, as `resultBytes` counts them. */
  get bytes(): number {
    return this.totalBytes;
  }

  private dropExpired(now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.savedAt <= this.ttlMs) break;
      this.delete(key, entry);
    }
  }

  private dropOldest(): void {
    const [key, entry] = this.entries.entries().next().value!;
    this.delete(key, entry);
  }

  private delete(key: string, entry: StoredResult): void {
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }
}

export interface PageButtonState {
  key: string;
  owner: string;
  page: number;
}

const customIdSchema = z
  .string()
  .max(100)
  .regex(/^page:[0-9a-z]{1,32}:\d{1,20}:\d{1,4}$/);

export function pageCustomId({ key, owner, page }: PageButtonState): string {
  return `${PAGE_PREFIX}:${key}:${owner}:${page}`;
}

/** The state in a paging button's custom id, or null when it is not one of ours. */
export function parsePageCustomId(customId: string): PageButtonState | null {
  if (!customIdSchema.safeParse(customId).success) return null;
  const [, key, owner, page] = customId.split(":");
  return { key: key!, owner: owner!, page: Number(page) };
}

/** The Previous/Next row for page `page` of `total` (the outer buttons disabled at the ends). */
export function pageButtons(key: string, owner: string, page: number, total: number): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  // Disabled buttons still need distinct ids: on the first page Previous points at page 0, on the
  // last Next points past the end (a forged click there is simply stale).
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: "Previous",
          custom_id: pageCustomId({ key, owner, page: Math.max(0, page - 1) }),
          disabled: page === 0,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: "Next",
          custom_id: pageCustomId({ key, owner, page: page + 1 }),
          disabled: page >= total - 1,
        },
      ],
    },
  ];
}

/**
 * Replies with the first page; when there are several, stores them and adds the paging buttons.
 * Every reply sends allowed mentions that ping nobody. A reply of text alone (a refusal, "I found
 * no quotes from ...") may echo what the user typed, so it goes without link previews: a typed
 * invite link must not show its card under the bot's name. (Replies with embeds of our own keep
 * them; Discord makes no previews of links inside embeds.)
 */
export async function replyWithPages(
  interaction: ChatInputCommandInteraction,
  pages: MessagePage[],
  { store, ephemeral = false }: { store: PageStore; ephemeral?: boolean },
): Promise<void> {
  const first = pages[0]!;
  const components = pages.length > 1 ? pageButtons(store.save(pages, interaction.user.id), interaction.user.id, 0, pages.length) : [];
  const flags = flagsFor(first, ephemeral);
  await interaction.reply({
    ...first,
    components,
    allowedMentions: NO_PINGS,
    ...(flags ? { flags } : {}),
  });
}

function flagsFor(page: MessagePage, ephemeral: boolean): number {
  return (ephemeral ? MessageFlags.Ephemeral : 0) | (page.embeds.length === 0 ? MessageFlags.SuppressEmbeds : 0);
}

/** Turns the page for a click on Previous/Next, or explains politely why it can't. */
export async function handlePageButton(interaction: ButtonInteraction, store: PageStore): Promise<void> {
  const state = parsePageCustomId(interaction.customId);
  if (!state) {
    await sendNote(interaction, NOTES.unknownButton);
    return;
  }
  const stored = store.get(state.key);
  // The owner in a custom id is only what the button says: a forged one can name anybody, so the
  // clicker must also be the one the result was stored for.
  if (state.owner !== interaction.user.id || (stored && stored.owner !== interaction.user.id)) {
    await sendNote(interaction, NOTES.foreignPage);
    return;
  }
  const page = stored?.pages[state.page];
  if (!stored || !page) {
    await sendNote(interaction, NOTES.stalePage);
    return;
  }
  await interaction.update({
    content: page.content ?? "",
    embeds: page.embeds,
    components: pageButtons(state.key, state.owner, state.page, stored.pages.length),
    allowedMentions: NO_PINGS,
  });
}
