import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import type { PersonNote, SponsorCandidate } from "../../bindings";
import zhCN from "../../i18n/zh-CN.json";
import en from "../../i18n/en.json";
import { sponsorReason } from "./sponsorReason";

function note(id: number, metric: string): PersonNote {
  return { id, personId: 2, kind: "pain_point", text: "", metric, source: "", notedOn: 0 };
}

// S1: the product VP, power 9, trust 2, whose pains are NPS and retention.
const vp: SponsorCandidate = { personId: 2, power: 9, trust: 2, matched: [note(1, "nps"), note(2, "retention"), note(3, "nps")], relevance: 1, score: 36 };

async function translator(lng: string) {
  const i18n = createInstance();
  await i18n.init({ lng, resources: { "zh-CN": { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  return i18n.t;
}

describe("sponsor finder reasons", () => {
  it("spells out the formula with the metrics that matched, once each", async () => {
    expect(sponsorReason(await translator("zh-CN"), vp)).toBe("决策权 9/10 × 相关度 100%（NPS、留存）× 信任 2/5 = 36");
    expect(sponsorReason(await translator("en"), vp)).toBe("Power 9/10 × relevance 100% (NPS, retention) × trust 2/5 = 36");
  });

  it("says when nothing they are measured on is moved", async () => {
    const t = await translator("zh-CN");
    expect(sponsorReason(t, { ...vp, matched: [], relevance: 0, score: 0 })).toBe("决策权 9/10 × 相关度 0% × 信任 2/5 = 0");
  });
});
