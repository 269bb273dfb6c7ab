import { openDb } from "@/db/client";
import { describeQueryCounting } from "@/tests/helpers/query-count-cases";

describeQueryCounting("PGlite", () => openDb());
