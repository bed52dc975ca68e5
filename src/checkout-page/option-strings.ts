/** "Guide × 3" in the summary and the receipt: the quantity beside the name, none for one. */
export const times = (name: string, quantity: number) => (quantity > 1 ? `${name} × ${quantity}` : name);
