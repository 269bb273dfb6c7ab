import type { ShareCard as ShareCardData } from "@/lib/og/share-cards";

/**
 * The picture a shared product or sale link shows (1200 × 630), drawn by next/og: flexbox and inline styles only,
 * in the brand's colours (globals.css: accent #c9381f, ink #171716 on white).
 */
export function ShareCard({ card }: { card: ShareCardData }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        background: "#ffffff",
        color: "#171716",
        fontFamily: "Geist",
      }}
    >
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: 64,
          width: 680,
        }}
      >
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div style={{ display: "flex", fontSize: 30, color: "#c9381f", letterSpacing: 2 }}>
            KITE · {card.kicker.toUpperCase()}
          </div>
          <div style={{ display: "flex", fontSize: 68, lineHeight: 1.1, marginTop: 24 }}>{card.title}</div>
        </div>
        <div style={{ display: "flex", flexDirection: "column" }}>
          {card.from ? <div style={{ display: "flex", fontSize: 28, color: "#6b6b66" }}>from</div> : null}
          <div style={{ display: "flex", alignItems: "baseline" }}>
            <div style={{ display: "flex", fontSize: 64, color: "#c9381f" }}>{card.price}</div>
            {card.listPrice ? (
              <div
                style={{
                  display: "flex",
                  fontSize: 34,
                  color: "#6b6b66",
                  marginLeft: 20,
                  textDecoration: "line-through",
                }}
              >
                {card.listPrice}
              </div>
            ) : null}
          </div>
          {card.line ? (
            <div style={{ display: "flex", fontSize: 30, color: "#3d3d3a", marginTop: 16, lineHeight: 1.3 }}>
              {card.line}
            </div>
          ) : null}
        </div>
      </div>
      <div
        style={{
          display: "flex",
          flex: 1,
          alignItems: "center",
          justifyContent: "center",
          background: "#f8f8f7",
        }}
      >
        {card.imageDataUrl ? (
          // biome-ignore lint/performance/noImgElement: next/og draws plain <img>; next/image does not exist there.
          <img src={card.imageDataUrl} alt="" width={440} height={440} style={{ objectFit: "contain" }} />
        ) : null}
      </div>
    </div>
  );
}
