import type messages from "../../messages/es.json";
import type { FORMATS } from "./formats";

// Typed message keys and formats: a missing or misspelt key is a type error.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof messages;
    Formats: typeof FORMATS;
  }
}
