"use server";

import { z } from "zod";
import { actionsFor, anyFormFields } from "@/lib/action";
import { env } from "@/lib/env";
import { HERO_TAG } from "@/lib/hero/cached";
import { SALE_TAGS } from "@/lib/sales/cached";
import { createSaleFromForm, endSale, publishSale, setFeaturedSale } from "@/lib/sales/commands";
import { runDraw } from "@/lib/sales/draw";
import { updateSaleFromForm } from "@/lib/sales/update";

/*
 * The console's sale commands, as declarations: marketers only, the form as input, the lib/sales command (which
 * validates, writes and records the audit entry in one transaction) as the work, then the cached pages that show
 * the sale are expired: the homepage hero, the sale lists and the sale's own page.
 */

const saleTags = (out: { slug: string }) => [HERO_TAG, SALE_TAGS.all, SALE_TAGS.sale(out.slug)];

/** The small forms that name one sale (`saleId` empty means "none" for the featured sale). */
const saleIdForm = z.object({ saleId: z.string().trim().default("") });

const marketerAction = actionsFor({ caller: "marketer" });

export const createSaleAction = marketerAction({
  name: "createSale",
  input: anyFormFields,
  run: ({ input, caller, db, now }) =>
    createSaleFromForm(db, { actor: caller, raw: input, timeZone: env.STORE_TIMEZONE, now }),
  tags: (out) => saleTags(out),
  redirectTo: (out) => `/admin/sales/${out.saleId}?status=created`,
  echoValues: true,
  renewRequestKey: true,
});

export const updateSaleAction = marketerAction({
  name: "updateSale",
  input: anyFormFields,
  run: ({ input, caller, db, now }) =>
    updateSaleFromForm(db, {
      actor: caller,
      saleId: input.saleId ?? "",
      raw: input,
      timeZone: env.STORE_TIMEZONE,
      now,
    }),
  tags: (out) => (out.changed ? saleTags(out) : []),
  refresh: true,
  echoValues: true,
});

/** A command on one sale named by its form (schedule, end): the sale's cached pages expire, the page redraws. */
const saleCommand = (name: string, command: typeof endSale) =>
  marketerAction({
    name,
    input: saleIdForm,
    run: ({ input, caller, db, now }) => command(db, { actor: caller, saleId: input.saleId, now }),
    tags: (out) => saleTags(out),
    refresh: true,
  });

export const publishSaleAction = saleCommand("publishSale", (db, command) =>
  publishSale(db, { ...command, timeZone: env.STORE_TIMEZONE }),
);
export const endSaleAction = saleCommand("endSale", endSale);

export const featureSaleAction = marketerAction({
  name: "featureSale",
  input: saleIdForm,
  run: ({ input, caller, db, now }) =>
    setFeaturedSale(db, { actor: caller, saleId: input.saleId === "" ? null : input.saleId, now }),
  tags: () => [HERO_TAG, SALE_TAGS.all],
  refresh: true,
});

/** Runs a draw sale's draw (once; a second run is refused): every cached sale read expires. */
export const drawSaleAction = marketerAction({
  name: "drawSale",
  input: saleIdForm,
  run: ({ input, caller, db, now }) =>
    runDraw(db, { saleId: input.saleId, now, timeZone: env.STORE_TIMEZONE, actor: caller }),
  tags: () => [HERO_TAG, SALE_TAGS.all],
  refresh: true,
});
