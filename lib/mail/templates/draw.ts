import {
  composeLetter,
  mailTime,
  type PersonalMail,
  para,
  type RenderedMail,
  storeAction,
  storeLink,
} from "./layout";

export interface DrawResultMail extends PersonalMail {
  saleName: string;
  saleSlug: string;
  productName: string;
  /** Won (at the draw, or later when a winner's unit came back): the hold, and when it ends. */
  won: { holdId: string; deadline: Date; promoted: boolean } | null;
  /** Not this time: the fan's place in the reserve list (1 = next in line). */
  reservePlace: number | null;
}

/** The draw's result for one entry: sent at the draw to every entry, and again to an entry a returned unit reaches. */
export function renderDrawResultMail(mail: DrawResultMail): RenderedMail {
  const why = `because you entered the draw of “${mail.saleName}”.`;
  return composeLetter(mail, (store) => {
    const saleLink = storeLink(store, `/sales/${mail.saleSlug}`);
    const verify = para(
      `The draw can be checked by anyone: the sale page shows the seed, the entries and the winners${saleLink ? ` (${saleLink})` : ""}.`,
    );
    if (mail.won) {
      const deadline = mailTime(mail.won.deadline, store);
      return {
        subject: `You can buy ${mail.productName}: pay by ${deadline}`,
        preheader: `A ${mail.productName} from “${mail.saleName}” is held for you until ${deadline}.`,
        blocks: [
          para(
            mail.won.promoted
              ? `Good news: a unit from “${mail.saleName}” came back and your entry was next in the drawn order. It's held for you.`
              : `Your entry was drawn in “${mail.saleName}”: one ${mail.productName} is held for you.`,
          ),
          para(`Pay by ${deadline}. After that the unit goes to the next entry in the drawn order.`),
          storeAction(store, "Pay for your unit", `/sales/holds/${mail.won.holdId}`) ??
            para(`Open “${mail.saleName}” on the store to pay.`),
          verify,
        ],
        why,
      };
    }
    const place = mail.reservePlace ?? 0;
    return {
      subject: `Not this time: the draw of “${mail.saleName}”`,
      preheader: `Your entry wasn't drawn for a unit. You're number ${place} on the reserve list.`,
      blocks: [
        para(`Your entry wasn't drawn for a unit of ${mail.productName} in “${mail.saleName}” this time.`),
        para(
          `You're number ${place} on the reserve list: if winners don't pay in time, their units go to the next entries in the drawn order, and we'll mail you if one reaches you.`,
        ),
        verify,
      ],
      why,
    };
  });
}
