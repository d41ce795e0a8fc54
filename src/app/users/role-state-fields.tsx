"use client";

import { useTranslations } from "next-intl";
import type { Role } from "~/generated/prisma/enums";
import { Label, Select } from "~/components/ui/input";
import { ROLE_OPTIONS, type StateOption } from "./labels";

/** Role and, for a state attorney general only, the state: the pair the server validates together. */
export function RoleStateFields({
  idPrefix,
  role,
  stateCode,
  states,
  onChange,
}: {
  idPrefix: string;
  role: Role;
  stateCode: string | null;
  states: StateOption[];
  onChange: (role: Role, stateCode: string | null) => void;
}) {
  const t = useTranslations("users");
  const roles = useTranslations("roles");
  return (
    <>
      <div className="space-y-1">
        <Label htmlFor={`${idPrefix}-role`}>{t("role")}</Label>
        <Select
          id={`${idPrefix}-role`}
          value={role}
          onChange={(e) => {
            const next = e.target.value as Role;
            onChange(next, next === "STATE_AG" ? (stateCode ?? states[0]?.code ?? null) : null);
          }}
        >
          {ROLE_OPTIONS.map((r) => (
            <option key={r} value={r}>
              {roles(r)}
            </option>
          ))}
        </Select>
      </div>
      {role === "STATE_AG" ? (
        <div className="space-y-1">
          <Label htmlFor={`${idPrefix}-state`}>{t("state")}</Label>
          <Select id={`${idPrefix}-state`} value={stateCode ?? ""} onChange={(e) => onChange(role, e.target.value)}>
            {states.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
    </>
  );
}
