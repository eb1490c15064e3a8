export * from "./enums";
export * from "./auth";
export * from "./organizations";
export * from "./platform";
export * from "./instruments";
export * from "./assets";
export * from "./programs";
export * from "./jobs";
