import { buildUrl, parseJson } from './utils.js';

const BASE_URL = 'https://api.example.com';

export async function fetchUser(id) {
  const response = await fetch(buildUrl(BASE_URL, `/users/${id}`));
  if (!response.ok) {
    throw new Error(`fetchUser failed: ${response.status}`);
  }
  return parseJson(await response.text());
}

export async function fetchPosts(userId) {
  const response = await fetch(buildUrl(BASE_URL, `/users/${userId}/posts`));
  if (!response.ok) {
    throw new Error(`fetchPosts failed: ${response.status}`);
  }
  return parseJson(await response.text());
}
