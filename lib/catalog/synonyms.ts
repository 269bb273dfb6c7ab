/**
 * The everyday words shoppers type for what Kite sells, fitted to the catalogue (db/seed-data.ts). A query word
 * that is one of a group's `words` finds every product in the group's `categories` and every product whose name
 * holds one of the words ("charger" finds the Power Bank by its name; "earbuds" finds Audio). English words are
 * matched after the same light plural folding as the catalogue's words, so "headphone" and "headphones" are one
 * entry; Chinese words are found inside a longer run of Han characters ("蓝牙耳机" holds "耳机").
 *
 * To add a word: put it in the group whose products it should find; a new kind of product gets a new group. A word
 * belongs to one group only (the test checks), so what it finds is never a surprise.
 */
export interface SynonymGroup {
  /** What the group stands for, for people reading this table. */
  label: string;
  /** Category slugs whose products the words find. */
  categories: readonly string[];
  /** Lower-case words and phrases: a product whose name holds one is found too. */
  words: readonly string[];
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  {
    label: "audio",
    categories: ["audio"],
    words: [
      "audio",
      "buds",
      "earbuds",
      "earphones",
      "headphones",
      "headset",
      "in-ear",
      "wireless earbuds",
      "noise cancelling",
      "耳机",
    ],
  },
  {
    label: "phones",
    categories: ["phones"],
    words: ["phone", "mobile", "smartphone", "cellphone", "cell phone", "handset", "手机"],
  },
  { label: "tablets", categories: ["tablets"], words: ["tablet", "pad", "slate", "平板"] },
  {
    label: "wearables",
    categories: ["wearables"],
    words: [
      "watch",
      "smartwatch",
      "smart watch",
      "band",
      "smart band",
      "fitness tracker",
      "tracker",
      "bracelet",
      "wearable",
      "手表",
      "手环",
    ],
  },
  {
    label: "power",
    categories: [],
    words: ["power bank", "powerbank", "charger", "portable charger", "battery", "battery pack", "充电宝"],
  },
  {
    label: "Wi-Fi",
    categories: [],
    words: ["router", "wifi", "wi-fi", "mesh", "modem", "internet", "路由器"],
  },
  {
    label: "cameras",
    categories: [],
    words: [
      "cam",
      "camera",
      "security camera",
      "home camera",
      "cctv",
      "webcam",
      "baby monitor",
      "doorbell",
      "摄像头",
    ],
  },
  {
    label: "accessories",
    categories: ["accessories-smart-home"],
    words: ["accessories", "smart home", "gadget"],
  },
];
