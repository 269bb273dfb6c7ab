"use client";

import {
  createContext,
  type ReactNode,
  useActionState,
  useCallback,
  useContext,
  useMemo,
  useState,
} from "react";
import { useVisitorRefreshingAction } from "@/components/visitor/visitor-provider";
import type { ActionState, FormAction } from "@/lib/action";
import { resolveSku } from "@/lib/catalog/product-url";
import type { ImageData, SkuData } from "@/lib/catalog/types";
import { replaceUrlParams, useUrlSearch } from "./url-params";

type CartActionState = ActionState<{ message: string }>;

export interface PurchaseProduct {
  slug: string;
  name: string;
  /** Units of this product one order may hold (the marketer's limit). */
  maxPerOrder: number;
}

interface PurchaseContextValue {
  product: PurchaseProduct;
  skus: SkuData[];
  sku: SkuData;
  selectSku: (sku: SkuData) => void;
  /** Images for the selected colour first, then those that fit every colour. */
  images: ImageData[];
  quantity: number;
  setQuantity: (quantity: number) => void;
  maxQuantity: number;
  cartState: CartActionState;
  cartAction: (formData: FormData) => void;
  cartPending: boolean;
  /** Attach to the main buy box; the sticky bar shows while it is out of view. */
  buyBoxRef: (node: HTMLElement | null) => (() => void) | undefined;
  buyBoxVisible: boolean;
  /** False in the cached HTML and until hydrated; then the URL's choices are applied. */
  urlApplied: boolean;
}

const PurchaseContext = createContext<PurchaseContextValue | null>(null);

export function usePurchase(): PurchaseContextValue {
  const value = useContext(PurchaseContext);
  if (!value) throw new Error("usePurchase must be used inside <PurchaseProvider>");
  return value;
}

export function imagesForColour(images: ImageData[], colour: string): ImageData[] {
  const own = images.filter((i) => i.colour === colour);
  const shared = images.filter((i) => i.colour === null);
  const list = [...own, ...shared];
  return list.length > 0 ? list : images;
}

export function findSku(skus: SkuData[], colour: string, storage: string | null): SkuData | undefined {
  return skus.find((s) => s.colour === colour && s.storage === storage);
}

/** The SKU a colour click lands on: same storage if it is in stock, else the first in-stock size, else anything. */
export function bestSkuForColour(
  skus: SkuData[],
  colour: string,
  storage: string | null,
): SkuData | undefined {
  const same = findSku(skus, colour, storage);
  if (same && same.available > 0) return same;
  const ofColour = skus.filter((s) => s.colour === colour);
  return ofColour.find((s) => s.available > 0) ?? same ?? ofColour[0];
}

export function PurchaseProvider({
  product,
  skus,
  images,
  addToCart,
  children,
}: {
  product: PurchaseProduct;
  skus: SkuData[];
  images: ImageData[];
  /** The page's add-to-cart server action (components never import app/). */
  addToCart: FormAction<{ message: string }>;
  children: ReactNode;
}) {
  // The cached HTML shows the default SKU; the one chosen in `?sku=` is applied once hydrated (a tampered or
  // foreign value resolves to the default). Choosing rewrites the URL only: every SKU is already on the page.
  const search = useUrlSearch();
  const sku = resolveSku(skus, search === null ? null : new URLSearchParams(search).get("sku"));
  if (!sku) throw new Error("PurchaseProvider needs at least one SKU");

  // The header's cart count comes from /api/me (the page is shared by everyone): ask again once a line is added.
  const [cartState, cartAction, cartPending] = useActionState(useVisitorRefreshingAction(addToCart), null);
  // A result belongs to the variant it was for; choosing another variant hides it.
  const [dismissedState, setDismissedState] = useState<CartActionState>(null);

  const [requestedQuantity, setRequestedQuantity] = useState(1);
  const maxQuantity = Math.max(1, Math.min(sku.available, product.maxPerOrder));
  const quantity = Math.min(Math.max(1, requestedQuantity), maxQuantity);

  const [buyBoxVisible, setBuyBoxVisible] = useState(true);
  const buyBoxRef = useCallback((node: HTMLElement | null) => {
    if (!node || typeof IntersectionObserver === "undefined") return undefined;
    const observer = new IntersectionObserver(([entry]) => setBuyBoxVisible(entry?.isIntersecting ?? true));
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  const selectSku = useCallback(
    (next: SkuData) => {
      if (next.id === sku.id) return;
      setDismissedState(cartState);
      replaceUrlParams({ sku: next.code });
    },
    [cartState, sku.id],
  );

  const value = useMemo<PurchaseContextValue>(
    () => ({
      product,
      skus,
      sku,
      selectSku,
      images: imagesForColour(images, sku.colour),
      quantity,
      setQuantity: setRequestedQuantity,
      maxQuantity,
      cartState: cartState === dismissedState ? null : cartState,
      cartAction,
      cartPending,
      buyBoxRef,
      buyBoxVisible,
      urlApplied: search !== null,
    }),
    [
      product,
      skus,
      sku,
      selectSku,
      images,
      quantity,
      maxQuantity,
      cartState,
      dismissedState,
      cartAction,
      cartPending,
      buyBoxRef,
      buyBoxVisible,
      search,
    ],
  );

  return <PurchaseContext value={value}>{children}</PurchaseContext>;
}
