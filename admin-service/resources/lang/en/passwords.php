<?php

return [
    'reset' => 'Your password has been reset. Please sign in with the new one.',
    'sent' => 'If an account exists for that address, we have emailed a password reset link.',
    'token' => 'This password reset link is invalid or has expired.',
];
