export * from "./accounts";
export * from "./addresses";
export * from "./admin";
export * from "./catalog";
export * from "./mail";
export * from "./orders";
export * from "./queue";
export * from "./sales";
