/**
 * The situation the desk's pages work on: `?situation=` when given (an unknown one is the page's 404),
 * else the one the editor chose last on this browser (a cookie; forgotten once no situation has it),
 * else the default one.
 */
import { cookies } from "next/headers";
import { DESK_SITUATION_COOKIE } from "../../lib/situations/desk-choice";
import type { AppContext } from "../context";
import { pageSituation } from "./page-situation";

export async function deskSituation(root: AppContext, requested?: string | string[]) {
  if (typeof requested === "string" && requested) return pageSituation(root, requested);
  const remembered = (await cookies()).get(DESK_SITUATION_COOKIE)?.value;
  const known = remembered ? await root.situations.registry.find(remembered) : undefined;
  return pageSituation(root, known?.slug ?? (await root.situations.registry.defaultSituation()).slug);
}
