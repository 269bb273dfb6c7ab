export * from "./addresses";
export * from "./admin";
export * from "./catalog";
export * from "./contact";
export * from "./mail";
export * from "./orders";
export * from "./queue";
export * from "./sales";
