import { currentSession, signIn } from './api.js';

// The login page: signs in with the session cookie, then opens the view the user asked for (the hash
// the app sent along). Wrong credentials and too many attempts are said here; a 429 counts down its
// Retry-After before the button comes back. Someone already signed in (a bookmark of this page, a
// second tab) goes straight on: to sign in as someone else, sign out first.

const form = document.getElementById('sign-in');
const user = document.getElementById('user');
const password = document.getElementById('password');
const submit = form.querySelector('button[type="submit"]');
const message = document.getElementById('sign-in-error');

let waitUntil = 0;

const enter = () => location.replace(`./${location.hash}`);

const say = (text) => {
  message.textContent = text;
  message.hidden = !text;
};

function countDown() {
  const seconds = Math.ceil((waitUntil - Date.now()) / 1000);
  if (seconds <= 0) {
    say('');
    submit.disabled = false;
    return;
  }
  say(`尝试次数过多，请 ${seconds} 秒后再试 Too many attempts: try again in ${seconds} s`);
  setTimeout(countDown, 1000);
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  submit.disabled = true;
  say('');
  try {
    await signIn(user.value.trim(), password.value);
    enter();
  } catch (error) {
    refused(error);
  }
});

function refused(error) {
  if (error.status === 429 && error.retryAfter) {
    waitUntil = Date.now() + error.retryAfter * 1000;
    countDown();
    return;
  }
  submit.disabled = false;
  if (error.status === 401) {
    say('用户名或密码错误 Wrong user or password');
    password.value = '';
    password.focus();
  } else {
    say(error.message);
  }
}

currentSession().then(enter, () => {
  submit.disabled = false;
});
