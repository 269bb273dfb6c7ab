import { z } from "zod";

/**
 * The fresh-sale route also takes `startsAt`, an instant (noon on an e2e test's own store day), instead of
 * `startsInSeconds` from now; it becomes the seconds from now that `createQaSale` takes (so to the second).
 */
export const qaSaleStartSchema = z
  .looseObject({ startsAt: z.iso.datetime({ offset: true }).optional() })
  .refine((v) => v.startsAt === undefined || v.startsInSeconds === undefined, {
    path: ["startsAt"],
    message: "Send startsAt or startsInSeconds, not both",
  })
  .transform(({ startsAt, ...rest }) =>
    startsAt === undefined
      ? rest
      : { ...rest, startsInSeconds: Math.round((Date.parse(startsAt) - Date.now()) / 1000) },
  );
