/**
 * Well-formed mainland addresses, as the address form posts them: the QA accounts' default (Hangzhou) and the
 * ones e2e specs and tests type in. Pure data (no imports), so specs and tests import it too.
 */
export const HANGZHOU_ADDRESS = {
  recipientName: "Chen Jing",
  mobile: "13800138000",
  province: "Zhejiang",
  city: "Hangzhou",
  district: "Xihu",
  street: "18 Wensan Road, Building 7, Room 301",
  postcode: "310012",
};

export const SHENZHEN_ADDRESS = {
  recipientName: "Li Wei",
  mobile: "13912345678",
  province: "Guangdong",
  city: "Shenzhen",
  district: "Nanshan",
  street: "1 Keyuan Road, Tower B, 18F",
  postcode: "518057",
};
