/**
 * The picture of a day's hero: the marketer's explicit choice wins; left empty, it is the chosen sale's or
 * product's own image (a sale shows its product's first image). Pure, so the form's thumbnail and the save agree.
 */
export function heroImageFor({
  chosen,
  targetImage,
}: {
  chosen: string | undefined | null;
  targetImage: string | undefined | null;
}): string {
  return chosen?.trim() || targetImage || "";
}

export const NO_TARGET_IMAGE =
  "The chosen sale or product has no image of its own: choose one from the list.";
