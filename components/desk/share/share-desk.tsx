"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { useSituation, useSituationNaming } from "@/components/ui/situation";
import { regionsQuery } from "@/lib/client/desk-queries";
import { iframeCode } from "@/lib/embed/iframe-code";
import { EMBED_LOCALES, EMBED_SIZES, EMBED_VIEWS, embedQuery, type EmbedConfig, type EmbedLocale, type EmbedView } from "@/lib/schemas/embed";
import { SelectField, TextField } from "../fields";

/**
 * The desk's "Share" (issue #17): choose a view, a moment (live or a time), a region, a language and a
 * theme; get the embed code, the oEmbed URL, and the snapshot links, with the embed itself as preview.
 * Everything it shows is a public URL: the embeds and snapshots never carry a session or a token.
 */
export function ShareDesk({ origin, publicRead }: { origin: string; publicRead: boolean }) {
  const t = useTranslations("share");
  const uiLocale = useLocale();
  const { slug } = useSituation();
  const { name } = useSituationNaming();
  const regions = useQuery(regionsQuery()).data ?? [];
  const [view, setView] = useState<EmbedView>("map");
  const [moment, setMoment] = useState<"live" | "at">("live");
  const [at, setAt] = useState("");
  const [region, setRegion] = useState("");
  const [locale, setLocale] = useState<EmbedLocale>((EMBED_LOCALES as readonly string[]).includes(uiLocale) ? (uiLocale as EmbedLocale) : "en");
  const [theme, setTheme] = useState<"light" | "dark">("light");
  const ids = { code: useId(), oembed: useId() };

  const atMs = moment === "at" && at ? Date.parse(`${at}:00Z`) : null;
  const config: EmbedConfig = { view, at: Number.isNaN(atMs) ? null : atMs, region: region || null, locale, theme };
  const query = embedQuery(config);
  const size = EMBED_SIZES[view];
  const links = useMemo(() => {
    const base = `${origin}/embed/s/${encodeURIComponent(slug)}`;
    const embedUrl = `${base}${query}`;
    const api = `${origin}/api/situations/${encodeURIComponent(slug)}`;
    const snapshot = (ext: string) => `${api}/snapshot.${ext}${query}`;
    return {
      embedUrl,
      code: iframeCode({ src: embedUrl, title: name, ...size }),
      oembed: `${origin}/api/oembed?url=${encodeURIComponent(embedUrl)}`,
      png: view === "feed" ? null : snapshot("png"),
      svg: view === "feed" ? null : snapshot("svg"),
      txt: snapshot("txt"),
    };
  }, [origin, slug, query, name, size, view]);

  return (
    <section className="share-desk" aria-labelledby="share-title">
      <h2 id="share-title">{t("title", { situation: name })}</h2>
      <p className="hint">{t("intro")}</p>
      {!publicRead && <p className="form-error">{t("notPublic")}</p>}
      <div className="share-form">
        <SelectField<EmbedView>
          id="share-view"
          label={t("view")}
          value={view}
          onChange={setView}
          options={EMBED_VIEWS.map((v) => ({ value: v, label: t(`views.${v}`) }))}
        />
        <SelectField<"live" | "at">
          id="share-moment"
          label={t("moment")}
          value={moment}
          onChange={setMoment}
          options={[
            { value: "live", label: t("live") },
            { value: "at", label: t("at") },
          ]}
        />
        {moment === "at" && (
          <TextField id="share-at" label={t("atLabel")} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} hint={t("atHint")} />
        )}
        <SelectField
          id="share-region"
          label={t("region")}
          value={region}
          onChange={setRegion}
          placeholder={t("allRegions")}
          options={regions.map((r) => ({ value: r.slug, label: r.name }))}
        />
        <SelectField<EmbedLocale>
          id="share-lang"
          label={t("language")}
          value={locale}
          onChange={setLocale}
          options={EMBED_LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
        <SelectField<"light" | "dark">
          id="share-theme"
          label={t("theme")}
          value={theme}
          onChange={setTheme}
          options={[
            { value: "light", label: t("light") },
            { value: "dark", label: t("dark") },
          ]}
        />
      </div>

      <div className="share-outputs">
        <CopyField id={ids.code} label={t("code")} value={links.code} multiline />
        <CopyField id={ids.oembed} label={t("oembed")} value={links.oembed} />
        <p className="share-links">
          <a href={links.embedUrl} target="_blank" rel="noopener">
            {t("openEmbed")}
          </a>
          {links.png && (
            <a href={links.png} target="_blank" rel="noopener" data-testid="share-png">
              {t("png")}
            </a>
          )}
          {links.svg && (
            <a href={links.svg} target="_blank" rel="noopener">
              {t("svg")}
            </a>
          )}
          <a href={links.txt} target="_blank" rel="noopener">
            {t("txt")}
          </a>
        </p>
      </div>

      <h3>{t("preview")}</h3>
      <iframe
        key={links.embedUrl}
        className="share-preview"
        src={links.embedUrl}
        title={t("previewTitle", { situation: name })}
        style={{ width: "100%", maxWidth: size.width, height: size.height }}
        data-testid="share-preview"
      />
    </section>
  );
}

function CopyField({ id, label, value, multiline = false }: { id: string; label: string; value: string; multiline?: boolean }) {
  const t = useTranslations("share");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard (an insecure origin): the field is selectable, and selected on focus.
    }
  };
  return (
    <div className="field share-copy">
      <label htmlFor={id}>{label}</label>
      <div className="share-copy-row">
        {multiline ? (
          <textarea id={id} readOnly value={value} rows={4} onFocus={(e) => e.currentTarget.select()} />
        ) : (
          <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        )}
        <button type="button" onClick={() => void copy()}>
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
    </div>
  );
}
