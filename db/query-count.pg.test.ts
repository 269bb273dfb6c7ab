import { openSeededPostgres } from "@/tests/helpers/db";
import { describeQueryCounting } from "@/tests/helpers/query-count-cases";

describeQueryCounting("PostgreSQL", () => openSeededPostgres({ poolMax: 4 }));
