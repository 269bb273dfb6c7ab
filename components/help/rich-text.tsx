import type { Rich } from "@/components/help/content";
import { TextLink } from "@/components/ui/text-link";

/** A run of service-page text with its links. */
export function RichText({ text }: { text: Rich }) {
  if (typeof text === "string") return text;
  return text.map((part) =>
    typeof part === "string" ? (
      part
    ) : (
      <TextLink key={part.href + part.text} href={part.href}>
        {part.text}
      </TextLink>
    ),
  );
}
