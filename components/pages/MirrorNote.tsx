import type { MirrorState } from "@/lib/mirror-state";
import { lastMirrorPublish } from "@/lib/mirror-state";
import { Rich, useT } from "../i18n";
import { Time } from "../status/Time";

/** On the live page: when the static mirror was last published, or that publishing fails. */
export function MirrorNote({
  state,
  mirrorUrl,
  timeZone,
}: {
  state: MirrorState;
  mirrorUrl: string | null;
  timeZone: string;
}) {
  const tr = useT();
  if (!state.configured) return null;
  const failing = state.targets.find((t) => t.lastError);
  const last = lastMirrorPublish(state);
  const mirror = mirrorUrl ? (
    <a href={mirrorUrl} className="hover:underline">
      {tr.t("mirror.label")}
    </a>
  ) : (
    tr.t("mirror.label")
  );
  return (
    <span data-mirror-status={failing ? "failing" : last ? "ok" : "pending"}>
      {last ? (
        <Rich
          id="mirror.published"
          values={{ mirror, time: <Time at={last} timeZone={timeZone} format="relative" /> }}
        />
      ) : (
        <Rich id="mirror.pending" values={{ mirror }} />
      )}
      {failing ? tr.t("mirror.failing") : null}
    </span>
  );
}

/** On every page of a static copy: when it was made. */
export function GeneratedNote({ at, liveUrl, timeZone }: { at: number; liveUrl: string; timeZone: string }) {
  return (
    <span data-generated-at={new Date(at).toISOString()}>
      <Rich
        id="mirror.generated"
        values={{ time: <Time at={at} timeZone={timeZone} format="relative" /> }}
        tags={{
          live: (text) => (
            <a href={liveUrl} className="hover:underline">
              {text}
            </a>
          ),
        }}
      />
    </span>
  );
}
