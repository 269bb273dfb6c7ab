import { z } from "zod";

/** Points typed into the checkout form: empty is none; a whole number from 0 up, bounded. */
export const pointsField = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? 0 : v),
  z.coerce
    .number({ error: "Enter the points to use as a whole number." })
    .int("Enter the points to use as a whole number.")
    .min(0, "Points can't be negative.")
    .max(10_000_000, "That is more points than any order can use."),
);
