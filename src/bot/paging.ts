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
}

export interface PageStoreOptions {
  /** How long a paged result can be browsed. */
  ttlMs?: number;
  /** Most results kept; the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Recently sent paged results, by a random 128-bit key: one button's key tells nothing about any
 * other's, and keys from an earlier run never match (a restart makes old buttons stale, not wrong).
 */
export class PageStore {
  private readonly entries = new Map<string, StoredResult>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor({ ttlMs = 30 * 60_000, maxEntries = 1_000, now = Date.now }: PageStoreOptions = {}) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
    this.now = now;
  }

  save(pages: MessagePage[], owner: string): string {
    const key = randomBytes(16).toString("hex");
    this.entries.set(key, { pages, owner, savedAt: this.now() });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return key;
  }

  get(key: string): StoredResult | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (this.now() - entry.savedAt > this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
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
 * Every reply sends allowed mentions that ping nobody.
 */
export async function replyWithPages(
  interaction: ChatInputCommandInteraction,
  pages: MessagePage[],
  { store, ephemeral = false }: { store: PageStore; ephemeral?: boolean },
): Promise<void> {
  const first = pages[0]!;
  const components = pages.length > 1 ? pageButtons(store.save(pages, interaction.user.id), interaction.user.id, 0, pages.length) : [];
  await interaction.reply({
    ...first,
    components,
    allowedMentions: NO_PINGS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  });
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
