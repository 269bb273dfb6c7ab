"use client";

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { FormAction } from "@/lib/action";
import type { Visitor } from "@/lib/visitor/visitor";

/**
 * The visitor's own state (lib/visitor/visitor.ts), fetched once after a cached page loads and again on `refresh()`
 * (after adding to the cart, registering, signing in). Until it arrives `visitor` is null and `ready` is false:
 * islands keep their space so nothing shifts when it lands.
 */
interface VisitorContextValue {
  visitor: Visitor | null;
  ready: boolean;
  /** Fetch again; with a sale id, also this fan's state in that sale. */
  refresh: () => void;
  /** Ask for this fan's state in a sale (the sale page and the homepage hero call it once). */
  watchSale: (saleId: string | null) => void;
  /** Ask what this fan may review of a product (the product page's reviews tab calls it once). */
  watchProduct: (slug: string | null) => void;
}

const VisitorContext = createContext<VisitorContextValue | null>(null);

export type { Visitor };

export function VisitorProvider({ children }: { children: ReactNode }) {
  const [visitor, setVisitor] = useState<Visitor | null>(null);
  const [saleId, setSaleId] = useState<string | null>(null);
  const [productSlug, setProductSlug] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const call = ++latest.current;
    const params = new URLSearchParams();
    if (saleId) params.set("sale", saleId);
    if (productSlug) params.set("product", productSlug);
    const query = params.size > 0 ? `?${params}` : "";
    // `generation` re-runs this effect on refresh(); it is not otherwise read.
    void generation;
    fetch(`/api/me${query}`, { cache: "no-store", credentials: "same-origin" })
      .then((res) => (res.ok ? (res.json() as Promise<Visitor>) : null))
      .then((next) => {
        if (next && call === latest.current) setVisitor(next);
      })
      .catch(() => {
        // Offline or the store is restarting: the page still works as a guest's; the next refresh tries again.
      });
  }, [saleId, productSlug, generation]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  const watchSale = useCallback((id: string | null) => setSaleId(id), []);
  const watchProduct = useCallback((slug: string | null) => setProductSlug(slug), []);
  const value = useMemo(
    () => ({ visitor, ready: visitor !== null, refresh, watchSale, watchProduct }),
    [visitor, refresh, watchSale, watchProduct],
  );
  return <VisitorContext.Provider value={value}>{children}</VisitorContext.Provider>;
}

export function useVisitor(): VisitorContextValue {
  const value = useContext(VisitorContext);
  if (!value) throw new Error("useVisitor() outside <VisitorProvider>");
  return value;
}

/**
 * A form action that asks /api/me again once it succeeds: for actions that change what the header shows (a cart
 * line added, changed or removed) on pages that are shared by everyone and so cannot carry it themselves.
 */
export function useVisitorRefreshingAction<T extends object>(action: FormAction<T>): FormAction<T> {
  const { refresh } = useVisitor();
  return useCallback<FormAction<T>>(
    async (prev, formData) => {
      const result = await action(prev, formData);
      if (result?.ok) refresh();
      return result;
    },
    [action, refresh],
  );
}
