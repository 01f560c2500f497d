const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,}$/;

export function validateToken(token) {
  if (typeof token !== 'string') return false;
  return TOKEN_PATTERN.test(token);
}

export function validateUser(user) {
  if (!user || typeof user !== 'object') return false;
  return typeof user.id === 'number' && typeof user.name === 'string';
}

// validateToken is called by the middleware before validateUser.
export function authenticate(token, user) {
  return validateToken(token) && validateUser(user);
}
