/** What Taitou knows about one portal beyond the generic heuristics; plain data, tested against fixture pages. */
export interface PortalAdapter {
  id: string;
  /** Hosts it applies to. */
  hosts: RegExp;
  /** Buttons whose text is one of these reveal fields hidden in the buyer block (更多). */
  revealButtons: string[];
  /** Buttons of tip dialogs that may cover the form (我知道了). */
  dismissButtons: string[];
  /**
   * Buttons that confirm a dialog in which the invoice type is chosen before the form opens (选择票类 → 确定): once
   * Taitou has picked the customer's type there, it presses one and fills the form that follows.
   */
  typeConfirmButtons: string[];
}
