export const CART_COOKIE = "kite_cart";
export const MAX_LINE_QUANTITY = 99;
