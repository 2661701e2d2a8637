const defaultTheme = require('tailwindcss/defaultTheme');

/** @type {import('tailwindcss').Config} */
module.exports = {
  darkMode: 'class',
  content: ['./resources/views/**/*.blade.php', './resources/js/**/*.js', './app/View/**/*.php'],
  theme: {
    extend: {
      fontFamily: { sans: ['Nunito', ...defaultTheme.fontFamily.sans] },
    },
  },
  plugins: [require('@tailwindcss/forms')],
};
