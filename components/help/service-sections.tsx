import type { ReactNode } from "react";
import type { Block, Channel, Section, SlotName } from "@/components/help/content";
import { TEXT_LINK_CLASS } from "@/components/ui/text-link";
import { RichText } from "./rich-text";

/**
 * A service page's body: one h2 per section, with its anchor, then its paragraphs, lists, tables and channels, and
 * whatever the page hands in for a slot (the contact form).
 */
export function ServiceSections({
  sections,
  slots = {},
}: {
  sections: readonly Section[];
  slots?: Partial<Record<SlotName, ReactNode>>;
}) {
  return (
    <div className="max-w-2xl space-y-10">
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id} className="scroll-mt-24">
          <h2 id={section.id} className="scroll-mt-24 text-xl font-semibold tracking-tight">
            {section.title}
          </h2>
          <div className="mt-3 space-y-4">
            {section.blocks.map((block, i) => (
              // Blocks are fixed content in a fixed order: the index is a stable key.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <ServiceBlock key={i} block={block} slots={slots} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function ServiceBlock({ block, slots }: { block: Block; slots: Partial<Record<SlotName, ReactNode>> }) {
  switch (block.kind) {
    case "text":
      return (
        <p className="leading-relaxed text-ink-700">
          <RichText text={block.text} />
        </p>
      );
    case "list": {
      const List = block.ordered ? "ol" : "ul";
      return (
        <List
          className={`space-y-2 pl-5 leading-relaxed text-ink-700 ${block.ordered ? "list-decimal" : "list-disc"} marker:text-ink-400`}
        >
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed content in a fixed order
            <li key={i} className="pl-1">
              <RichText text={item} />
            </li>
          ))}
        </List>
      );
    }
    case "table":
      return (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="pb-2 text-left text-ink-500">{block.caption}</caption>
          <thead>
            <tr className="border-b border-ink-200">
              {block.head.map((h) => (
                <th key={h} scope="col" className="py-2 pr-4 font-semibold text-ink-900">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map(([label, value]) => (
              <tr key={label} className="border-b border-ink-100 align-top">
                <th scope="row" className="w-2/5 py-2.5 pr-4 font-medium text-ink-800">
                  {label}
                </th>
                <td className="py-2.5 text-ink-700">
                  <RichText text={value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "channels":
      return <Channels channels={block.channels} />;
    case "slot":
      return slots[block.name] ?? null;
  }
}

function Channels({ channels }: { channels: readonly Channel[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {channels.map((c) => (
        <li key={c.name} className="rounded-2xl border border-ink-200 p-5">
          <h3 className="text-sm font-semibold text-ink-500">{c.name}</h3>
          <a href={c.href} className={`${TEXT_LINK_CLASS} mt-1 block text-xl font-bold break-words`}>
            {c.value}
          </a>
          <p className="mt-2 text-sm leading-relaxed text-ink-600">{c.note}</p>
        </li>
      ))}
    </ul>
  );
}
