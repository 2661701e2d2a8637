<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg" {{ $attributes }} aria-hidden="true">
    <path d="M8 14 24 5l16 9v20l-16 9-16-9V14Zm16-4.4L12.6 16 24 22.4 35.4 16 24 9.6ZM11 18.6v13.6l11.5 6.5V25.1L11 18.6Zm14.5 20.1L37 32.2V18.6l-11.5 6.5v13.6Z"/>
</svg>
