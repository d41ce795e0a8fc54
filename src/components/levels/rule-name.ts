import { useTranslations } from "next-intl";

/** Rule ids come from editable rule sets: known ones have a translated name, new ones their title or id. */
export function useRuleName() {
  const t = useTranslations("rules.names");
  return (id: string, title?: string) => (t.has(id as never) ? t(id as never) : (title ?? id));
}
