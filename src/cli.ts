console.log('newsmark');
