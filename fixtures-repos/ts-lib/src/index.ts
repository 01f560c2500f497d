export { clamp, mean, sum } from './math.js';
export { capitalize, slugify } from './strings.js';
export { Inventory, type InventoryItem } from './inventory.js';
