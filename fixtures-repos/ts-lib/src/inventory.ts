/** An in-memory inventory: a deliberately long module (over 400 lines) for context-budget tests. */
export interface InventoryItem {
  sku: string;
  name: string;
  quantity: number;
  priceCents: number;
}

export class Inventory {
  private readonly items = new Map<string, InventoryItem>();

  /** Rule 1: adjusts stock for category 1. */
  adjustCategory1(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 1`);
    item.quantity = Math.max(0, item.quantity + delta * 1);
    return item.quantity;
  }

  /** Rule 2: adjusts stock for category 2. */
  adjustCategory2(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 2`);
    item.quantity = Math.max(0, item.quantity + delta * 2);
    return item.quantity;
  }

  /** Rule 3: adjusts stock for category 3. */
  adjustCategory3(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 3`);
    item.quantity = Math.max(0, item.quantity + delta * 3);
    return item.quantity;
  }

  /** Rule 4: adjusts stock for category 4. */
  adjustCategory4(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 4`);
    item.quantity = Math.max(0, item.quantity + delta * 4);
    return item.quantity;
  }

  /** Rule 5: adjusts stock for category 5. */
  adjustCategory5(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 5`);
    item.quantity = Math.max(0, item.quantity + delta * 5);
    return item.quantity;
  }

  /** Rule 6: adjusts stock for category 6. */
  adjustCategory6(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 6`);
    item.quantity = Math.max(0, item.quantity + delta * 6);
    return item.quantity;
  }

  /** Rule 7: adjusts stock for category 7. */
  adjustCategory7(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 7`);
    item.quantity = Math.max(0, item.quantity + delta * 7);
    return item.quantity;
  }

  /** Rule 8: adjusts stock for category 8. */
  adjustCategory8(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 8`);
    item.quantity = Math.max(0, item.quantity + delta * 8);
    return item.quantity;
  }

  /** Rule 9: adjusts stock for category 9. */
  adjustCategory9(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 9`);
    item.quantity = Math.max(0, item.quantity + delta * 9);
    return item.quantity;
  }

  /** Rule 10: adjusts stock for category 10. */
  adjustCategory10(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 10`);
    item.quantity = Math.max(0, item.quantity + delta * 10);
    return item.quantity;
  }

  /** Rule 11: adjusts stock for category 11. */
  adjustCategory11(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 11`);
    item.quantity = Math.max(0, item.quantity + delta * 11);
    return item.quantity;
  }

  /** Rule 12: adjusts stock for category 12. */
  adjustCategory12(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 12`);
    item.quantity = Math.max(0, item.quantity + delta * 12);
    return item.quantity;
  }

  /** Rule 13: adjusts stock for category 13. */
  adjustCategory13(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 13`);
    item.quantity = Math.max(0, item.quantity + delta * 13);
    return item.quantity;
  }

  /** Rule 14: adjusts stock for category 14. */
  adjustCategory14(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 14`);
    item.quantity = Math.max(0, item.quantity + delta * 14);
    return item.quantity;
  }

  /** Rule 15: adjusts stock for category 15. */
  adjustCategory15(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 15`);
    item.quantity = Math.max(0, item.quantity + delta * 15);
    return item.quantity;
  }

  /** Rule 16: adjusts stock for category 16. */
  adjustCategory16(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 16`);
    item.quantity = Math.max(0, item.quantity + delta * 16);
    return item.quantity;
  }

  /** Rule 17: adjusts stock for category 17. */
  adjustCategory17(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 17`);
    item.quantity = Math.max(0, item.quantity + delta * 17);
    return item.quantity;
  }

  /** Rule 18: adjusts stock for category 18. */
  adjustCategory18(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 18`);
    item.quantity = Math.max(0, item.quantity + delta * 18);
    return item.quantity;
  }

  /** Rule 19: adjusts stock for category 19. */
  adjustCategory19(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 19`);
    item.quantity = Math.max(0, item.quantity + delta * 19);
    return item.quantity;
  }

  /** Rule 20: adjusts stock for category 20. */
  adjustCategory20(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 20`);
    item.quantity = Math.max(0, item.quantity + delta * 20);
    return item.quantity;
  }

  /** Rule 21: adjusts stock for category 21. */
  adjustCategory21(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 21`);
    item.quantity = Math.max(0, item.quantity + delta * 21);
    return item.quantity;
  }

  /** Rule 22: adjusts stock for category 22. */
  adjustCategory22(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 22`);
    item.quantity = Math.max(0, item.quantity + delta * 22);
    return item.quantity;
  }

  /** Rule 23: adjusts stock for category 23. */
  adjustCategory23(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 23`);
    item.quantity = Math.max(0, item.quantity + delta * 23);
    return item.quantity;
  }

  /** Rule 24: adjusts stock for category 24. */
  adjustCategory24(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 24`);
    item.quantity = Math.max(0, item.quantity + delta * 24);
    return item.quantity;
  }

  /** Rule 25: adjusts stock for category 25. */
  adjustCategory25(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 25`);
    item.quantity = Math.max(0, item.quantity + delta * 25);
    return item.quantity;
  }

  /** Rule 26: adjusts stock for category 26. */
  adjustCategory26(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 26`);
    item.quantity = Math.max(0, item.quantity + delta * 26);
    return item.quantity;
  }

  /** Rule 27: adjusts stock for category 27. */
  adjustCategory27(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 27`);
    item.quantity = Math.max(0, item.quantity + delta * 27);
    return item.quantity;
  }

  /** Rule 28: adjusts stock for category 28. */
  adjustCategory28(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 28`);
    item.quantity = Math.max(0, item.quantity + delta * 28);
    return item.quantity;
  }

  /** Rule 29: adjusts stock for category 29. */
  adjustCategory29(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 29`);
    item.quantity = Math.max(0, item.quantity + delta * 29);
    return item.quantity;
  }

  /** Rule 30: adjusts stock for category 30. */
  adjustCategory30(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 30`);
    item.quantity = Math.max(0, item.quantity + delta * 30);
    return item.quantity;
  }

  /** Rule 31: adjusts stock for category 31. */
  adjustCategory31(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 31`);
    item.quantity = Math.max(0, item.quantity + delta * 31);
    return item.quantity;
  }

  /** Rule 32: adjusts stock for category 32. */
  adjustCategory32(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 32`);
    item.quantity = Math.max(0, item.quantity + delta * 32);
    return item.quantity;
  }

  /** Rule 33: adjusts stock for category 33. */
  adjustCategory33(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 33`);
    item.quantity = Math.max(0, item.quantity + delta * 33);
    return item.quantity;
  }

  /** Rule 34: adjusts stock for category 34. */
  adjustCategory34(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 34`);
    item.quantity = Math.max(0, item.quantity + delta * 34);
    return item.quantity;
  }

  /** Rule 35: adjusts stock for category 35. */
  adjustCategory35(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 35`);
    item.quantity = Math.max(0, item.quantity + delta * 35);
    return item.quantity;
  }

  /** Rule 36: adjusts stock for category 36. */
  adjustCategory36(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 36`);
    item.quantity = Math.max(0, item.quantity + delta * 36);
    return item.quantity;
  }

  /** Rule 37: adjusts stock for category 37. */
  adjustCategory37(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 37`);
    item.quantity = Math.max(0, item.quantity + delta * 37);
    return item.quantity;
  }

  /** Rule 38: adjusts stock for category 38. */
  adjustCategory38(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 38`);
    item.quantity = Math.max(0, item.quantity + delta * 38);
    return item.quantity;
  }

  /** Rule 39: adjusts stock for category 39. */
  adjustCategory39(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 39`);
    item.quantity = Math.max(0, item.quantity + delta * 39);
    return item.quantity;
  }

  /** Rule 40: adjusts stock for category 40. */
  adjustCategory40(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 40`);
    item.quantity = Math.max(0, item.quantity + delta * 40);
    return item.quantity;
  }

  /** Rule 41: adjusts stock for category 41. */
  adjustCategory41(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 41`);
    item.quantity = Math.max(0, item.quantity + delta * 41);
    return item.quantity;
  }

  /** Rule 42: adjusts stock for category 42. */
  adjustCategory42(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 42`);
    item.quantity = Math.max(0, item.quantity + delta * 42);
    return item.quantity;
  }

  /** Rule 43: adjusts stock for category 43. */
  adjustCategory43(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 43`);
    item.quantity = Math.max(0, item.quantity + delta * 43);
    return item.quantity;
  }

  /** Rule 44: adjusts stock for category 44. */
  adjustCategory44(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 44`);
    item.quantity = Math.max(0, item.quantity + delta * 44);
    return item.quantity;
  }

  /** Rule 45: adjusts stock for category 45. */
  adjustCategory45(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 45`);
    item.quantity = Math.max(0, item.quantity + delta * 45);
    return item.quantity;
  }

  /** Rule 46: adjusts stock for category 46. */
  adjustCategory46(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 46`);
    item.quantity = Math.max(0, item.quantity + delta * 46);
    return item.quantity;
  }

  /** Rule 47: adjusts stock for category 47. */
  adjustCategory47(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 47`);
    item.quantity = Math.max(0, item.quantity + delta * 47);
    return item.quantity;
  }

  /** Rule 48: adjusts stock for category 48. */
  adjustCategory48(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 48`);
    item.quantity = Math.max(0, item.quantity + delta * 48);
    return item.quantity;
  }

  /** Rule 49: adjusts stock for category 49. */
  adjustCategory49(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 49`);
    item.quantity = Math.max(0, item.quantity + delta * 49);
    return item.quantity;
  }

  /** Rule 50: adjusts stock for category 50. */
  adjustCategory50(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 50`);
    item.quantity = Math.max(0, item.quantity + delta * 50);
    return item.quantity;
  }

  /** Rule 51: adjusts stock for category 51. */
  adjustCategory51(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 51`);
    item.quantity = Math.max(0, item.quantity + delta * 51);
    return item.quantity;
  }

  /** Rule 52: adjusts stock for category 52. */
  adjustCategory52(sku: string, delta: number): number {
    const item = this.items.get(sku);
    if (!item) throw new Error(`unknown sku ${sku} in category 52`);
    item.quantity = Math.max(0, item.quantity + delta * 52);
    return item.quantity;
  }

  add(item: InventoryItem): void {
    this.items.set(item.sku, { ...item });
  }

  totalValueCents(): number {
    let total = 0;
    for (const item of this.items.values()) total += item.quantity * item.priceCents;
    return total;
  }
}
